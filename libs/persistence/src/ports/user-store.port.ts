export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  displayName: string;
  createdAt: number;
}

export interface RefreshTokenRecord {
  id: string;
  userId: string;
  /** SHA-256 of the token: the token itself is never stored. */
  tokenHash: string;
  expiresAt: number;
  revokedAt: number | null;
}

export abstract class UserStore {
  abstract findByUsername(username: string): Promise<UserRecord | null>;

  abstract findById(id: string): Promise<UserRecord | null>;

  /** Creates a user; false when the username is taken. */
  abstract create(user: UserRecord): Promise<boolean>;

  abstract countByRole(role: Role): Promise<number>;

  abstract saveRefreshToken(token: RefreshTokenRecord): Promise<void>;

  abstract findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null>;

  /** Marks the token used; false when it was already revoked (a replayed refresh token). */
  abstract revokeRefreshToken(id: string, at: number): Promise<boolean>;
}
