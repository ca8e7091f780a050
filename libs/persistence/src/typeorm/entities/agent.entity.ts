import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillis, jsonText } from './columns';
import type { AgentQueue } from '../../ports/agent-directory.port';

@Entity({ name: 'agents' })
@Index('uq_agents_identity', ['identity'], { unique: true })
export class AgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  identity!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'text', transformer: jsonText })
  skills!: string[];

  @Column({ type: 'text', transformer: jsonText })
  queues!: AgentQueue[];

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillis })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMillis })
  updatedAt!: number;
}
