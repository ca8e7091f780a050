import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillis } from './columns';

@Entity({ name: 'refresh_tokens' })
@Index('idx_refresh_tokens_user', ['userId'])
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'bigint', transformer: epochMillis })
  expiresAt!: number;

  @Column({ name: 'revoked_at', type: 'bigint', nullable: true, transformer: epochMillis })
  revokedAt!: number | null;
}
