import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillis, jsonText } from './columns';

@Entity({ name: 'routing_inputs' })
@Index('idx_routing_inputs_at', ['at'])
export class RoutingInputEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: epochMillis })
  at!: number;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'text', transformer: jsonText })
  data!: Record<string, unknown>;
}
