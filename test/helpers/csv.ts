/** Reading CSV in tests, independently of the exporter (server/review/export-format.ts). */

/**
 * A small RFC 4180 reader, written here from the RFC's grammar and independent of the module: records end in
 * CRLF, a quoted field runs to the next lone quote and "" inside it is one quote.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          field += text[i];
          i++;
        }
      }
      if (text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (text[i] === '"' || text[i] === '\r' || text[i] === '\n')
        throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i];
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record does not end in CRLF');
  return records;
}

/** The records of a CSV with a header row (and maybe a BOM), keyed by the header's names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...records] = parseCsv(text.replace(/^\uFEFF/, ''));
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
