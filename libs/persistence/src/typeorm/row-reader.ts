import { DataSource, EntityTarget, ValueTransformer } from 'typeorm';

/**
 * Reads an entity's rows with plain SQL, for lookups on the path of every call: the column list
 * and the conversions (each column's transformer) come from the entity's mapping, so the result
 * is what the repository would give, without building a query per request.
 */
export class RowReader<T> {
  /** The entity's table and columns, quoted, for `SELECT ${columns} FROM ${table}`. */
  readonly table: string;
  readonly columns: string;
  private readonly fields: { property: string; column: string; transformer?: ValueTransformer }[];

  constructor(dataSource: DataSource, entity: EntityTarget<T>) {
    const metadata = dataSource.getMetadata(entity);
    this.table = `\`${metadata.tableName}\``;
    this.fields = metadata.columns.map((column) => ({
      property: column.propertyName,
      column: column.databaseName,
      transformer: column.transformer as ValueTransformer | undefined,
    }));
    this.columns = this.fields.map((field) => `\`${field.column}\``).join(', ');
  }

  read(row: Record<string, unknown>): T {
    const entity: Record<string, unknown> = {};
    for (const { property, column, transformer } of this.fields) {
      const value = row[column];
      entity[property] = transformer ? transformer.from(value) : value;
    }
    return entity as T;
  }
}
