import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMillis } from './columns';

/** One queue's (tier '' ) or one queue tier's counts over a quarter hour. */
@Entity({ name: 'interval_stats' })
export class IntervalStatEntity {
  @PrimaryColumn({ name: 'interval_start', type: 'bigint', transformer: epochMillis })
  intervalStart!: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  queue!: string;

  /** '' for the queue as a whole: a primary key column cannot be null. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tier!: string;

  @Column({ type: 'integer' })
  offered!: number;

  @Column({ type: 'integer' })
  answered!: number;

  @Column({ name: 'answered_within_threshold', type: 'integer' })
  answeredWithinThreshold!: number;

  @Column({ type: 'integer' })
  abandoned!: number;

  @Column({ name: 'abandoned_within_threshold', type: 'integer' })
  abandonedWithinThreshold!: number;

  @Column({ name: 'short_abandoned', type: 'integer' })
  shortAbandoned!: number;

  @Column({ name: 'routed_elsewhere', type: 'integer' })
  routedElsewhere!: number;

  @Column({ type: 'integer' })
  callbacks!: number;

  @Column({ type: 'integer' })
  handled!: number;

  @Column({ name: 'answered_wait_ms', type: 'bigint', transformer: epochMillis })
  answeredWaitMs!: number;

  @Column({ name: 'handle_ms', type: 'bigint', transformer: epochMillis })
  handleMs!: number;

  @Column({ name: 'service_level_formula', type: 'varchar', length: 2 })
  serviceLevelFormula!: string;

  @Column({ name: 'service_level_threshold_seconds', type: 'integer' })
  serviceLevelThresholdSeconds!: number;
}
