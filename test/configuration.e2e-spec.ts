import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap } from '../apps/hotline/src/bootstrap';
import { ConfigError } from '../apps/hotline/src/config/config-error';
import { freshSqlite } from './support/test-databases';

function configCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-config-'));
  cpSync(join(__dirname, '..', 'config'), dir, { recursive: true });
  return dir;
}

async function bootError(env: Record<string, string>): Promise<ConfigError> {
  const database = freshSqlite();
  try {
    await bootstrap({ env: { DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env } });
  } catch (error) {
    return error as ConfigError;
  } finally {
    await database.drop();
  }
  throw new Error('Hotline booted with an invalid configuration');
}

describe('configuration errors stop the boot with a precise message', () => {
  it('names the file, the key and the problem for every mistake in the YAML', async () => {
    const dir = configCopy();
    try {
      const queues = readFileSync(join(dir, 'queues.yaml'), 'utf8')
        .replace('wrapUpSeconds: 45', 'wrapUpSeconds: -45')
        .replace('formula: F4', 'formula: F9')
        .replace('shortAbandonSeconds: 5', 'shortAbandonSeconds: 5\n    wrapupSeconds: 10');
      writeFileSync(join(dir, 'queues.yaml'), queues);
      const ivr = readFileSync(join(dir, 'ivr', 'main.yaml'), 'utf8').replace(
        'next: tech-menu',
        'next: tech-menuu',
      );
      writeFileSync(join(dir, 'ivr', 'main.yaml'), ivr);

      const error = await bootError({ CONFIG_DIR: dir, SANDBOX: 'off' });
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.problems).toEqual(
        expect.arrayContaining([
          {
            file: join(dir, 'queues.yaml'),
            key: 'queues.billing.wrapUpSeconds',
            problem: 'must be at least 0',
          },
          {
            file: join(dir, 'queues.yaml'),
            key: 'queues.general.serviceLevel.formula',
            problem: 'must be one of F1, F2, F3, F4 (got "F9")',
          },
          expect.objectContaining({ file: join(dir, 'queues.yaml'), key: 'queues.general.wrapupSeconds' }),
          expect.objectContaining({
            file: join(dir, 'ivr', 'main.yaml'),
            key: 'flows.main.nodes.main-menu.options.1.next',
            problem: expect.stringContaining('tech-menuu'),
          }),
        ]),
      );
      expect(error.message).toContain(
        `${join(dir, 'queues.yaml')}: queues.billing.wrapUpSeconds: must be at least 0`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a YAML syntax error and a missing file', async () => {
    const dir = configCopy();
    try {
      writeFileSync(join(dir, 'tiers.yaml'), 'tiers:\n  gold: { headStartSeconds: 60\n');
      rmSync(join(dir, 'queues.yaml'));
      const error = await bootError({ CONFIG_DIR: dir, SANDBOX: 'off' });
      expect(error.problems).toHaveLength(2);
      expect(error.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            file: join(dir, 'tiers.yaml'),
            key: '(file)',
            problem: expect.stringContaining('not valid YAML'),
          }),
          { file: join(dir, 'queues.yaml'), key: '(file)', problem: 'not found' },
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('requires the main IVR flow every call enters', async () => {
    const dir = configCopy();
    try {
      const ivr = readFileSync(join(dir, 'ivr', 'main.yaml'), 'utf8').replace(/^  main:$/m, '  hotline:');
      writeFileSync(join(dir, 'ivr', 'main.yaml'), ivr);
      const error = await bootError({ CONFIG_DIR: dir, SANDBOX: 'off' });
      expect(error.problems).toEqual([
        {
          file: join(dir, 'ivr', 'main.yaml'),
          key: 'flows.main',
          problem: 'is required: every incoming call enters this flow',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the environment variable and the problem', async () => {
    const error = await bootError({
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x/y',
      TWILIO_ACCOUNT_SID: 'AC123',
      PUBLIC_BASE_URL: 'ftp://example.com',
    });
    expect(error.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'environment',
          key: 'PORT',
          problem: 'must be a whole number from 0 to 65535 (got "eighty")',
        },
        expect.objectContaining({ key: 'DATABASE_URL' }),
        {
          file: 'environment',
          key: 'TWILIO_ACCOUNT_SID',
          problem: 'must be "AC" followed by 32 hexadecimal digits',
        },
        {
          file: 'environment',
          key: 'TWILIO_AUTH_TOKEN',
          problem: 'is required when TWILIO_ACCOUNT_SID is set',
        },
        expect.objectContaining({ key: 'PUBLIC_BASE_URL' }),
      ]),
    );
  });
});
