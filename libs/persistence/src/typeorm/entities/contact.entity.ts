import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillis } from './columns';
import { optionalFlag } from './crm-columns';

@Entity({ name: 'contacts' })
@Index('idx_contacts_customer_at', ['customerKey', 'at'])
export class ContactEntity {
  @PrimaryColumn({ name: 'call_sid', type: 'varchar', length: 34 })
  callSid!: string;

  @Column({ name: 'customer_key', type: 'varchar', length: 64 })
  customerKey!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true })
  customerId!: string | null;

  @Column({ type: 'bigint', transformer: epochMillis })
  at!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  queue!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  agent!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  tier!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reason!: string | null;

  @Column({ type: 'integer', nullable: true, transformer: optionalFlag })
  resolved!: boolean | null;

  @Column({ name: 'follow_up', type: 'integer', transformer: optionalFlag })
  followUp!: boolean;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
