/** One TSV record with the 1-based line it starts on (quoted fields may span lines). */
export interface TsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits tab-separated text into records. Fields may be wrapped in double quotes, with `""` for a
 * literal quote, and may then contain tabs and newlines; unquoted fields are taken as written.
 * An unterminated quote is reported rather than swallowing the rest of the file.
 */
export function parseTsv(text: string): { records: TsvRecord[]; error?: { line: number; message: string } } {
  const records: TsvRecord[] = [];
  let line = 1;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (src[i] === '"') {
        const open = line;
        i++;
        for (;;) {
          if (i >= src.length)
            return { records, error: { line: open, message: 'unterminated quoted field' } };
          const c = src[i];
          if (c === '"' && src[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === '\n') line++;
            value += c;
            i++;
          }
        }
        // Anything between the closing quote and the next separator belongs to the field.
        while (i < src.length && src[i] !== '\t' && src[i] !== '\n' && src[i] !== '\r') value += src[i++];
      } else {
        while (i < src.length && src[i] !== '\t' && src[i] !== '\n' && src[i] !== '\r') value += src[i++];
      }
      fields.push(value);
      if (src[i] === '\t') {
        i++;
        continue;
      }
      if (src[i] === '\r') i++;
      if (src[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return { records };
}

/** QnA Maker writes line breaks inside answers as the two characters `\n` (and `\r\n`, `\t`). */
export const unescapeExport = (s: string): string => s.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\\t/g, '\t');
