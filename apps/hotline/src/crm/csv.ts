/** One record of a CSV file, with the line it starts on (1 for the first line of the file). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/**
 * Reads CSV as RFC 4180 writes it: comma-separated fields, optionally in double quotes, a quote
 * inside quotes doubled, line breaks CRLF or LF (also inside quoted fields). Blank lines are
 * skipped. A byte-order mark is ignored.
 */
export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let ended = false;
    while (!ended) {
      if (source[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= source.length) throw new CsvSyntaxError(start, 'a quoted field is not closed');
          if (source[i] === '"' && source[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (source[i] === '"') {
            i += 1;
            break;
          } else {
            if (source[i] === '\n') line += 1;
            field += source[i];
            i += 1;
          }
        }
        if (i < source.length && !',\r\n'.includes(source[i])) {
          throw new CsvSyntaxError(line, 'a closing quote must end its field');
        }
      }
      while (i < source.length && !',\r\n'.includes(source[i])) {
        if (source[i] === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
        field += source[i];
        i += 1;
      }
      fields.push(field);
      field = '';
      if (source[i] === ',') {
        i += 1;
      } else {
        if (source[i] === '\r') i += 1;
        if (source[i] === '\n') i += 1;
        line += 1;
        ended = true;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}

function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as RFC 4180 CSV: CRLF line ends, fields quoted only when they need it. */
export function writeCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
