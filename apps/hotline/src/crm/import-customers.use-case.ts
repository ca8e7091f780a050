import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CustomerImportMode, CustomerImportProblem, CustomerImportReport } from '@hotline/contracts';
import { CustomerDirectory, CustomerRecord } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { CsvRecord, CsvSyntaxError, readCsv } from './csv';
import { checkCustomerFields, CustomerFields, fieldsOf } from './customer-fields';
import { CustomerRules } from './customer-rules';

/** CSV columns and the customer field each one sets; `tier` is the manual override. */
const COLUMNS: Record<string, keyof CustomerFields> = {
  phone: 'phone',
  name: 'name',
  language: 'language',
  tier: 'tierOverride',
  value: 'value',
  notes: 'notes',
};

interface GoodRow {
  line: number;
  fields: Partial<CustomerFields>;
}

/** A cell as the field it sets: empty optional cells clear the field, numbers are read as numbers. */
function cellValue(field: keyof CustomerFields, cell: string): unknown {
  if (field === 'value') return cell === '' ? null : /^\d+$/.test(cell) ? Number(cell) : cell;
  if (field === 'tierOverride') return cell === '' ? null : cell;
  return cell;
}

function readHeader(header: CsvRecord | undefined): (keyof CustomerFields)[] {
  if (!header) throw badFile(1, 'the file is empty: the first line must name the columns');
  const unknown = header.fields.filter((name) => !Object.hasOwn(COLUMNS, name.trim()));
  const names = header.fields.map((name) => name.trim());
  const problems = [
    ...unknown.map((name) => `unknown column "${name}" (expected: ${Object.keys(COLUMNS).join(', ')})`),
    ...['phone', 'name']
      .filter((name) => !names.includes(name))
      .map((name) => `column "${name}" is required`),
    ...names.filter((name, i) => names.indexOf(name) !== i).map((name) => `column "${name}" appears twice`),
  ];
  if (problems.length > 0) throw badFile(1, problems.join('; '));
  return names.map((name) => COLUMNS[name]);
}

function badFile(line: number, reason: string): DomainError {
  return new DomainError('CUSTOMER_IMPORT.BAD_FILE', `line ${line}: ${reason}`, 400, { line, reason });
}

/**
 * Imports customers from CSV, matched to existing customers by phone number. Every row is checked
 * first. By default a file with any bad row changes nothing and every bad row is reported with its
 * line and reason; in `good-rows` mode the good rows are applied and the bad ones reported. What
 * is applied is applied in one transaction, so no row is ever half applied.
 */
@Injectable()
export class ImportCustomers {
  constructor(
    private readonly customers: CustomerDirectory,
    private readonly rules: CustomerRules,
    private readonly clock: Clock,
  ) {}

  async execute(csv: string, mode: CustomerImportMode): Promise<CustomerImportReport> {
    let records: CsvRecord[];
    try {
      records = readCsv(csv);
    } catch (error) {
      if (error instanceof CsvSyntaxError)
        throw badFile(error.line, error.message.replace(/^line \d+: /, ''));
      throw error;
    }
    const columns = readHeader(records[0]);
    const rows = records.slice(1);
    const rejected: CustomerImportProblem[] = [];
    const good: GoodRow[] = [];
    const firstLineOf = new Map<string, number>();
    for (const row of rows) {
      const problem = this.checkRow(row, columns, firstLineOf);
      if (typeof problem === 'string') rejected.push({ line: row.line, reason: problem });
      else good.push(problem);
    }
    if (rejected.length > 0 && mode === 'all-or-nothing') {
      const report = { mode, rows: rows.length, created: 0, updated: 0, rejected };
      throw new DomainError(
        'CUSTOMER_IMPORT.INVALID_ROWS',
        `${rejected.length} of ${rows.length} rows are invalid; nothing was imported`,
        422,
        report,
      );
    }
    const { records: toSave, created } = await this.merge(good);
    await this.customers.saveAll(toSave);
    return { mode, rows: rows.length, created, updated: toSave.length - created, rejected };
  }

  /** The row's fields, or why it is refused. */
  private checkRow(
    row: CsvRecord,
    columns: (keyof CustomerFields)[],
    firstLineOf: Map<string, number>,
  ): GoodRow | string {
    if (row.fields.length !== columns.length) {
      return `has ${row.fields.length} fields; the header has ${columns.length}`;
    }
    const input: Record<string, unknown> = {};
    columns.forEach((field, i) => (input[field] = cellValue(field, row.fields[i].trim())));
    if (input.language === '') delete input.language;
    const { fields, problems } = checkCustomerFields(input, this.rules);
    if (problems.length > 0) return problems.join('; ');
    const phone = input.phone as string;
    const earlier = firstLineOf.get(phone);
    if (earlier !== undefined) return `phone: ${phone} is already on line ${earlier}`;
    firstLineOf.set(phone, row.line);
    return { line: row.line, fields };
  }

  /** Good rows as customers to save: existing customers (by phone) updated, others created. */
  private async merge(good: GoodRow[]): Promise<{ records: CustomerRecord[]; created: number }> {
    const now = this.clock.now();
    const existing = new Map(
      (await this.customers.findByPhones(good.map((row) => row.fields.phone as string))).map((c) => [
        c.phone,
        c,
      ]),
    );
    let created = 0;
    const records = good.map(({ fields }) => {
      const current = existing.get(fields.phone as string);
      if (current)
        return this.rules.record(current.id, { ...fieldsOf(current), ...fields }, current.createdAt, now);
      created += 1;
      const { fields: complete } = this.rules.checkNew(fields);
      return this.rules.record(randomUUID(), complete, now, now);
    });
    return { records, created };
  }
}
