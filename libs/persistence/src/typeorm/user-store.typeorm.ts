import { DataSource, IsNull } from 'typeorm';
import { RefreshTokenRecord, Role, UserRecord, UserStore } from '../ports/user-store.port';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';

const toUser = (row: UserEntity | null): UserRecord | null =>
  row ? { ...row, role: row.role as Role } : null;

export class TypeormUserStore extends UserStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    return toUser(await this.dataSource.getRepository(UserEntity).findOneBy({ username }));
  }

  async findById(id: string): Promise<UserRecord | null> {
    return toUser(await this.dataSource.getRepository(UserEntity).findOneBy({ id }));
  }

  async create(user: UserRecord): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(UserEntity, { username: user.username })) return false;
      await manager.insert(UserEntity, user);
      return true;
    });
  }

  countByRole(role: Role): Promise<number> {
    return this.dataSource.getRepository(UserEntity).countBy({ role });
  }

  async saveRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.dataSource.getRepository(RefreshTokenEntity).insert(token);
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    return this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
  }

  async revokeRefreshToken(id: string, at: number): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) === 1;
  }
}
