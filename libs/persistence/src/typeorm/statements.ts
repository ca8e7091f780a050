import { DataSource } from 'typeorm';

/** One parameterised SQL statement. */
export interface Statement {
  sql: string;
  params: unknown[];
}

export const placeholders = (count: number, each: string) =>
  Array.from({ length: count }, () => each).join(', ');

/** Rows per multi-row INSERT: far below both databases' limits on bound parameters. */
const INSERT_CHUNK = 100;

/** INSERTs of `rows` into `table`, a hundred rows a statement. */
export function insertRows(
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Statement[] {
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const group = rows.slice(start, start + INSERT_CHUNK);
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(group.length, `(${placeholders(columns.length, '?')})`)}`,
      params: group.flat(),
    });
  }
  return statements;
}

/**
 * Runs statements so that all of them or none take effect. A single statement is atomic on its
 * own. On MySQL/MariaDB several go to the server as one multi-statement transaction, a single
 * round trip (the connection pool allows multiple statements for this); a failure part-way rolls
 * the transaction back on the same connection. On SQLite they run in one transaction.
 */
export async function runAtomically(dataSource: DataSource, statements: readonly Statement[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) {
    await dataSource.query(statements[0].sql, statements[0].params);
    return;
  }
  if (dataSource.options.type === 'better-sqlite3') {
    await dataSource.transaction(async (manager) => {
      for (const statement of statements) await manager.query(statement.sql, statement.params);
    });
    return;
  }
  const runner = dataSource.createQueryRunner('master');
  try {
    await runner.query(
      ['START TRANSACTION', ...statements.map((statement) => statement.sql), 'COMMIT'].join(';\n'),
      statements.flatMap((statement) => statement.params),
    );
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
