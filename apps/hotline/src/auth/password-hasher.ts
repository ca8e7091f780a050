import { hash, verify, argon2id } from 'argon2';

/**
 * Argon2id, memory-hard, with OWASP's recommended minimum (19 MiB, 2 passes): stolen hashes
 * cost an attacker memory as well as time per guess.
 */
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, { type: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  async matches(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
