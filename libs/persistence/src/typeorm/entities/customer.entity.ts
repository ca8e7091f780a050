import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillis } from './columns';
import { wholeNumber } from './crm-columns';

@Entity({ name: 'customers' })
@Index('uq_customers_phone', ['phone'], { unique: true })
@Index('idx_customers_tier', ['tier'])
export class CustomerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  tier!: string;

  @Column({ type: 'varchar', length: 16 })
  language!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillis })
  createdAt!: number;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMillis })
  updatedAt!: number;

  @Column({ type: 'bigint', nullable: true, transformer: wholeNumber })
  value!: number | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'tier_override', type: 'varchar', length: 64, nullable: true })
  tierOverride!: string | null;
}
