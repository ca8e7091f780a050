import { RefreshTokenRecord, Role, UserRecord, UserStore } from '../ports/user-store.port';

export class InMemoryUserStore extends UserStore {
  private readonly users = new Map<string, UserRecord>();
  private readonly tokens = new Map<string, RefreshTokenRecord>();

  async findByUsername(username: string): Promise<UserRecord | null> {
    const found = [...this.users.values()].find((user) => user.username === username);
    return found ? { ...found } : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const found = this.users.get(id);
    return found ? { ...found } : null;
  }

  async create(user: UserRecord): Promise<boolean> {
    if (await this.findByUsername(user.username)) return false;
    this.users.set(user.id, { ...user });
    return true;
  }

  async countByRole(role: Role): Promise<number> {
    return [...this.users.values()].filter((user) => user.role === role).length;
  }

  async saveRefreshToken(token: RefreshTokenRecord): Promise<void> {
    this.tokens.set(token.id, { ...token });
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const found = [...this.tokens.values()].find((token) => token.tokenHash === tokenHash);
    return found ? { ...found } : null;
  }

  async revokeRefreshToken(id: string, at: number): Promise<boolean> {
    const token = this.tokens.get(id);
    if (!token || token.revokedAt !== null) return false;
    token.revokedAt = at;
    return true;
  }
}
