import { z } from 'zod';

/** Zod types for environment values (always strings), shared by the config schemas. */
export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
export const positive = z.coerce.number().positive();
export const positiveInt = z.coerce.number().int().positive();
export const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
/** "a, b ,c" → ["a","b","c"]; empty → undefined (the feature's default applies). */
export const list = optionalString.transform((v) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
);
export const json = optionalString.transform((v, ctx) => {
  if (v === undefined) return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });
    return z.NEVER;
  }
});
export const port = z.coerce.number().int().min(0).max(65535);
