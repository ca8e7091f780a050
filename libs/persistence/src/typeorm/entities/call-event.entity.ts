import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillis, jsonText } from './columns';

@Entity({ name: 'call_events' })
@Index('uq_call_events_key', ['callSid', 'dedupeKey'], { unique: true })
@Index('idx_call_events_at', ['at'])
export class CallEventEntity {
  @PrimaryColumn({ name: 'call_sid', type: 'varchar', length: 34 })
  callSid!: string;

  /** Position in the call's log: (call_sid, seq) is the key, so the log of one call is one index range. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'bigint', transformer: epochMillis })
  at!: number;

  @Column({ type: 'text', transformer: jsonText })
  data!: unknown;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 160 })
  dedupeKey!: string;
}
