import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap } from '../apps/hotline/src/bootstrap';
import { ConfigError } from '../apps/hotline/src/config/config-error';
import { freshSqlite } from './support/test-databases';

describe('crm.yaml and tier thresholds are checked at boot', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-crm-config-'));
    cpSync(join(__dirname, '..', 'config'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function bootProblems(): Promise<ConfigError['problems']> {
    const database = freshSqlite();
    try {
      await bootstrap({
        env: { DATABASE_URL: database.url, LOG_LEVEL: 'silent', CONFIG_DIR: dir, SANDBOX: 'off' },
      });
    } catch (error) {
      return (error as ConfigError).problems;
    } finally {
      await database.drop();
    }
    throw new Error('Hotline booted with an invalid configuration');
  }

  it('names every mistake in crm.yaml and a minValue two tiers share', async () => {
    const edit = (file: string, from: string | RegExp, to: string) =>
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
    edit('crm.yaml', 'windowDays: 7', 'windowDays: 0');
    edit('crm.yaml', 'general: {}', 'generall: {}');
    edit('crm.yaml', 'billing: { nps: true }', 'billing: { nps: yes please }');
    edit('crm.yaml', /\n {6}en-US: Thank you for your feedback. Goodbye./, '');
    edit('crm.yaml', 'timeZone: Asia/Shanghai', 'timeZone: Mars/Olympus');
    edit('tiers.yaml', 'minValue: 50000', 'minValue: 200000');
    const crm = join(dir, 'crm.yaml');
    expect(await bootProblems()).toEqual([
      {
        file: join(dir, 'tiers.yaml'),
        key: 'tiers.silver.minValue',
        problem: 'is the same as tiers.gold.minValue',
      },
      { file: crm, key: 'fcr.timeZone', problem: 'is not a known time zone (got "Mars/Olympus")' },
      { file: crm, key: 'fcr.windowDays', problem: 'must be at least 0.01' },
      { file: crm, key: 'survey.queues.generall', problem: 'names no queue of queues.yaml (got "generall")' },
      { file: crm, key: 'survey.queues.billing.nps', problem: 'must be true or false (got "yes please")' },
      { file: crm, key: 'survey.prompts.thanks.en-US', problem: 'is required' },
    ]);
  });

  it('needs survey prompts once a queue has a survey, and boots without crm.yaml at all', async () => {
    writeFileSync(join(dir, 'crm.yaml'), 'survey:\n  queues:\n    billing: {}\n');
    expect(await bootProblems()).toEqual([
      {
        file: join(dir, 'crm.yaml'),
        key: 'survey.prompts',
        problem: 'is required when a queue has a survey',
      },
    ]);
    rmSync(join(dir, 'crm.yaml'));
    const database = freshSqlite();
    const app = await bootstrap({
      env: { DATABASE_URL: database.url, LOG_LEVEL: 'silent', CONFIG_DIR: dir, SANDBOX: 'off' },
    });
    await app.close();
    await database.drop();
  });
});
