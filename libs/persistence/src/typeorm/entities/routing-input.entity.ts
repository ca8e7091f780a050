import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillis } from './columns';

@Entity({ name: 'routing_inputs' })
@Index('idx_routing_inputs_at', ['at'])
export class RoutingInputEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: epochMillis })
  at!: number;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  /** The input's data as JSON text. */
  @Column({ type: 'text' })
  data!: string;
}
