import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillis, jsonText } from './columns';

@Entity({ name: 'calls' })
@Index('idx_calls_outcome', ['outcome'])
@Index('idx_calls_received_at', ['receivedAt'])
export class CallEntity {
  @PrimaryColumn({ name: 'call_sid', type: 'varchar', length: 34 })
  callSid!: string;

  @Column({ name: 'account_sid', type: 'varchar', length: 34 })
  accountSid!: string;

  @Column({ type: 'varchar', length: 16 })
  direction!: string;

  @Column({ name: 'from_number', type: 'varchar', length: 64 })
  fromNumber!: string;

  @Column({ name: 'to_number', type: 'varchar', length: 64 })
  toNumber!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  language!: string;

  @Column({ type: 'varchar', length: 64 })
  tier!: string;

  @Column({ name: 'ivr_path', type: 'text', transformer: jsonText })
  ivrPath!: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  queue!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  agent!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'status_seq', type: 'integer' })
  statusSeq!: number;

  @Column({ type: 'varchar', length: 20 })
  outcome!: string;

  @Column({ name: 'received_at', type: 'bigint', transformer: epochMillis })
  receivedAt!: number;

  @Column({ name: 'queued_at', type: 'bigint', nullable: true, transformer: epochMillis })
  queuedAt!: number | null;

  @Column({ name: 'answered_at', type: 'bigint', nullable: true, transformer: epochMillis })
  answeredAt!: number | null;

  @Column({ name: 'ended_at', type: 'bigint', nullable: true, transformer: epochMillis })
  endedAt!: number | null;
}
