import { Between, DataSource } from 'typeorm';
import { IntervalStatRecord, IntervalStatsStore } from '../ports/interval-stats.port';
import { IntervalStatEntity } from './entities/interval-stat.entity';

/** Rows per statement: 17 columns each stays well under SQLite's limit of bound parameters. */
const ROWS_PER_STATEMENT = 500;

function toRecord(row: IntervalStatEntity): IntervalStatRecord {
  return {
    ...row,
    tier: row.tier === '' ? null : row.tier,
    serviceLevelFormula: row.serviceLevelFormula as IntervalStatRecord['serviceLevelFormula'],
  };
}

export class TypeormIntervalStatsStore extends IntervalStatsStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async save(records: readonly IntervalStatRecord[]): Promise<void> {
    const rows = records.map((record) =>
      Object.assign(new IntervalStatEntity(), { ...record, tier: record.tier ?? '' }),
    );
    await this.dataSource.transaction(async (manager) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        await manager.upsert(IntervalStatEntity, rows.slice(start, start + ROWS_PER_STATEMENT), [
          'intervalStart',
          'queue',
          'tier',
        ]);
      }
    });
  }

  async between(from: number, to: number, queue?: string): Promise<IntervalStatRecord[]> {
    const rows = await this.dataSource.getRepository(IntervalStatEntity).find({
      where: { intervalStart: Between(from, to - 1), ...(queue === undefined ? {} : { queue }) },
      order: { intervalStart: 'ASC', queue: 'ASC', tier: 'ASC' },
    });
    return rows.map(toRecord);
  }
}
