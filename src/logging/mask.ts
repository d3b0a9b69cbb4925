/**
 * Masks personal data in free text before it reaches a log line. Order matters: card numbers
 * are longer digit runs than phone numbers, so they are masked first.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 13–19 digits, optionally grouped by spaces or dashes (as people type card numbers).
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
// 7–15 digits with optional +country code and separators: (02) 8123-4567, +92 300 1234567.
const PHONE = /(?<![\w])\+?\(?\d{1,4}\)?(?:[ .-]?\(?\d{2,4}\)?){2,5}(?![\w])/g;

function digitsIn(s: string): number {
  return s.replace(/\D/g, '').length;
}

export function maskPii(text: string): string {
  return text
    .replace(EMAIL, (m) => `${m[0] ?? ''}***@***`)
    .replace(CARD, (m) => `[card ****${m.replace(/\D/g, '').slice(-4)}]`)
    .replace(PHONE, (m) => (digitsIn(m) >= 7 && digitsIn(m) <= 15 ? '[phone]' : m));
}

/** Deep-copies a log object, masking every string value. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { type: value.name, message: maskPii(value.message), stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}
