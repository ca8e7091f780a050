import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillis } from './columns';

@Entity({ name: 'agent_events' })
@Index('idx_agent_events_at', ['at'])
export class AgentEventEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ type: 'bigint', transformer: epochMillis })
  at!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reason!: string | null;

  @Column({ name: 'call_sid', type: 'varchar', length: 34, nullable: true })
  callSid!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  queue!: string | null;
}
