import { CallLedger } from '@hotline/persistence';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_STAFF } from '../../../hotline/src/agents/seed-sandbox-accounts';
import { OfflineContactCenter, startOfflineContactCenter } from '../sandbox/offline-contact-center';
import { LedgerRecords } from './ledger-records';
import { SimulationTarget } from './simulation-run';
import { readDefaultTier } from './tier-config';

export interface InProcessTarget {
  target: SimulationTarget;
  center: OfflineContactCenter;
  /** Stops the stand-in and Hotline and deletes the run's database. */
  close(): Promise<void>;
}

const ADMIN = SANDBOX_STAFF.find((user) => user.role === 'admin')!;

/**
 * A Hotline of the simulator's own, with the stand-in, on a fresh embedded database in a
 * temporary directory; Hotline's records are read call by call from its ledger.
 */
export async function startInProcessTarget(options: {
  configDir: string;
  timeScale: number;
  env?: Record<string, string>;
}): Promise<InProcessTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-simulation-'));
  try {
    const center = await startOfflineContactCenter({
      env: {
        DATABASE_URL: `sqlite:${join(dir, 'hotline.db')}`,
        CONFIG_DIR: options.configDir,
        LOG_LEVEL: 'silent',
        ...options.env,
      },
      host: '127.0.0.1',
      port: 0,
      standInPort: 0,
      timeScale: options.timeScale,
    });
    return {
      center,
      target: {
        hotlineUrl: center.hotlineUrl,
        standInUrl: center.standInUrl,
        admin: { username: ADMIN.username, password: ADMIN.password },
        configDir: options.configDir,
        defaultTier: readDefaultTier(options.configDir),
        records: async () => new LedgerRecords(center.hotline.get(CallLedger)),
        settled: () => center.sim.settled(),
      },
      close: async () => {
        await center.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
