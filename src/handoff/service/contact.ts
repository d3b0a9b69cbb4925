import { z } from 'zod';
import type { Contact } from '../tickets/index.js';
import { HandoffInputError } from '../summary/index.js';

const PHONE = /^\+?[\d\s().-]{7,24}$/;
const digits = (s: string) => s.replace(/\D/g, '').length;

const contactSchema = z
  .object({
    name: z.string().trim().max(100).optional(),
    email: z.email('not an email address').max(200).optional(),
    phone: z
      .string()
      .trim()
      .refine((p) => PHONE.test(p) && digits(p) >= 7 && digits(p) <= 15, 'not a phone number')
      .optional(),
    callback: z.boolean().optional(),
  })
  .refine((c) => c.email !== undefined || c.phone !== undefined, {
    message: 'give an email or a phone number',
    path: ['email'],
  });

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A contact we can actually use: an email or a phone number (or both), validated. */
export function parseContact(
  input: { name?: string; email?: string; phone?: string; callback?: boolean },
  message: string,
): Contact {
  const cleaned = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, blankToUndefined(v)]));
  const parsed = contactSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HandoffInputError(`contact.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid');
  }
  const text = message.trim();
  if (!text) throw new HandoffInputError('message', 'write what we should help with');
  if (text.length > 4000) throw new HandoffInputError('message', 'at most 4000 characters');
  const c = parsed.data;
  return {
    ...(c.name ? { name: c.name } : {}),
    ...(c.email ? { email: c.email } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    message: text,
    ...(c.callback ? { callback: true } : {}),
  };
}
