import { CsvSyntaxError, readCsv, writeCsv } from './csv';

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, numbering records by their first line', () => {
    const text =
      'phone,name,notes\r\n+8613800000001,"Chen, Alice","said ""hi""\r\ntwice"\r\n\r\n+8613800000002,Bob,\n';
    expect(readCsv(text)).toEqual([
      { line: 1, fields: ['phone', 'name', 'notes'] },
      { line: 2, fields: ['+8613800000001', 'Chen, Alice', 'said "hi"\r\ntwice'] },
      { line: 5, fields: ['+8613800000002', 'Bob', ''] },
    ]);
  });

  it('ignores a byte-order mark and reads a last line without a line break', () => {
    expect(readCsv('\uFEFFa,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('names the line of a malformed quote', () => {
    expect(() => readCsv('a,b\n1,"open\n2,3\n')).toThrow(
      new CsvSyntaxError(2, 'a quoted field is not closed'),
    );
    expect(() => readCsv('a\nx"y\n')).toThrow(new CsvSyntaxError(2, 'a quote inside an unquoted field'));
    expect(() => readCsv('a\n"x"y\n')).toThrow(new CsvSyntaxError(2, 'a closing quote must end its field'));
  });

  it('writes what it reads back', () => {
    const rows = [
      ['group', 'rate'],
      ['billing, east', 0.5],
      ['say "x"', null],
    ];
    const text = writeCsv(rows);
    expect(text).toBe('group,rate\r\n"billing, east",0.5\r\n"say ""x""",\r\n');
    expect(readCsv(text).map((record) => record.fields)).toEqual([
      ['group', 'rate'],
      ['billing, east', '0.5'],
      ['say "x"', ''],
    ]);
  });
});
