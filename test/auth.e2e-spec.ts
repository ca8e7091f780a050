import { DataSource } from 'typeorm';
import { Harness, startHotline } from './support/hotline-harness';

describe('sign-in and roles', () => {
  let hotline: Harness;
  let admin: string;

  beforeAll(async () => {
    hotline = await startHotline({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '3' } });
    admin = await hotline.login('root', 'root-password-1');
  });
  afterAll(() => hotline.close());

  it('creates the first admin from ADMIN_USERNAME and ADMIN_PASSWORD and no sandbox demo accounts', async () => {
    const me = await hotline.http('GET', '/api/auth/me', { token: admin });
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ username: 'root', role: 'admin' });
    const demo = await hotline.http('POST', '/api/auth/login', {
      body: { username: 'admin', password: 'admin-demo' },
    });
    expect(demo.status).toBe(401);
  });

  it('answers 401 to a route without a valid token', async () => {
    expect((await hotline.http('GET', '/api/auth/me')).status).toBe(401);
    const forged = await hotline.http('GET', '/api/auth/me', { token: admin.slice(0, -2) + 'xx' });
    expect(forged.status).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('answers 403 to a role the route does not admit, and lets the right role in', async () => {
    const created = await hotline.http('POST', '/api/users', {
      token: admin,
      body: { username: 'sam', password: 'supervisor-pass', role: 'supervisor' },
    });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ username: 'sam', role: 'supervisor' });
    expect(created.body).not.toContain('passwordHash');
    const supervisor = await hotline.login('sam', 'supervisor-pass');
    const refused = await hotline.http('POST', '/api/users', {
      token: supervisor,
      body: { username: 'eve', password: 'agent-password', role: 'admin' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(
      (
        await hotline.http('POST', '/api/auth/login', {
          body: { username: 'eve', password: 'agent-password' },
        })
      ).status,
    ).toBe(401);
  });

  it('rejects bad input with a clear error and creates nothing', async () => {
    const bad = await hotline.http('POST', '/api/users', {
      token: admin,
      body: { username: 'has space', password: 'short', role: 'king' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('username');
    expect(bad.body).toContain('password');
    expect(bad.body).toContain('role');
    const duplicate = await hotline.http('POST', '/api/users', {
      token: admin,
      body: { username: 'root', password: 'another-password', role: 'agent' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'USER.ALREADY_EXISTS' });
    expect(await hotline.login('root', 'root-password-1')).toEqual(expect.any(String));
  });

  it('trades a refresh token once for a new session', async () => {
    const login = await hotline.http('POST', '/api/auth/login', {
      body: { username: 'root', password: 'root-password-1' },
    });
    const { refreshToken } = login.json<{ refreshToken: string }>();
    const refreshed = await hotline.http('POST', '/api/auth/refresh', { body: { refreshToken } });
    expect(refreshed.status).toBe(200);
    const session = refreshed.json<{ accessToken: string }>();
    expect((await hotline.http('GET', '/api/auth/me', { token: session.accessToken })).status).toBe(200);
    const replayed = await hotline.http('POST', '/api/auth/refresh', { body: { refreshToken } });
    expect(replayed.status).toBe(401);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await hotline.app
      .get(DataSource)
      .query("SELECT password_hash FROM users WHERE username = 'root'");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('root-password-1');
  });

  it('rate-limits failed sign-ins per username', async () => {
    for (let i = 0; i < 3; i++) {
      const wrong = await hotline.http('POST', '/api/auth/login', {
        body: { username: 'sam', password: 'nope' },
      });
      expect(wrong.status).toBe(401);
    }
    const limited = await hotline.http('POST', '/api/auth/login', {
      body: { username: 'sam', password: 'supervisor-pass' },
    });
    expect(limited.status).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
  });
});

describe('sandbox accounts', () => {
  it('exist only in the sandbox, with their documented passwords and roles', async () => {
    const hotline = await startHotline({
      env: { TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '', SANDBOX: 'on' },
    });
    try {
      for (const [username, password, role] of [
        ['admin', 'admin-demo', 'admin'],
        ['supervisor', 'supervisor-demo', 'supervisor'],
        ['agent1', 'agent-demo', 'agent'],
      ]) {
        const token = await hotline.login(username, password);
        expect((await hotline.http('GET', '/api/auth/me', { token })).json()).toMatchObject({
          username,
          role,
        });
      }
    } finally {
      await hotline.close();
    }
  });
});
