import { number, readTunables, TunableName, Tunables } from '../simulation/tunables';

export interface SandboxOptions {
  host: string;
  /** Hotline's port (`PORT`, default 3000); 0 picks a free one. */
  port: number;
  /** The stand-in's port (`SANDBOX_SIM_PORT`, default 3900); 0 picks a free one. */
  standInPort: number;
  /** `SANDBOX_TIME_SCALE`, default 1: real time, so that a person can follow and take calls. */
  timeScale: number;
  /** `SANDBOX_TRAFFIC`, default on: off keeps the stand-in but places no calls and starts no agents. */
  traffic: boolean;
  /** `SANDBOX_CALLS_PER_MINUTE` (wall clock), default 2. */
  callsPerMinute: number;
  /** `SANDBOX_AGENTS`, default 4. */
  agents: number;
  /** `SANDBOX_CUSTOMERS`, default 40: the known callers, who call again and again. */
  customers: number;
  tunables: Tunables;
  configDir: string;
}

const OFF = ['0', 'false', 'off', 'no'];

/** Whether `npm start` runs the sandbox: unless SANDBOX is off or a Twilio account is configured. */
export function wantsSandbox(env: Record<string, string | undefined>): boolean {
  return !OFF.includes((env.SANDBOX ?? '').trim().toLowerCase()) && !env.TWILIO_ACCOUNT_SID?.trim();
}

/** The sandbox's settings, read from the environment here and nowhere else. */
export function readSandboxOptions(env: Record<string, string | undefined>): SandboxOptions {
  const read = (name: string, fallback: string) => number(name, env[name] ?? fallback);
  const whole = (name: string, fallback: string) => {
    const value = read(name, fallback);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number ≥ 0, got ${value}`);
    return value;
  };
  const timeScale = read('SANDBOX_TIME_SCALE', '1');
  if (!(timeScale > 0)) throw new Error(`SANDBOX_TIME_SCALE must be above 0, got ${timeScale}`);
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: whole('PORT', '3000'),
    standInPort: whole('SANDBOX_SIM_PORT', '3900'),
    timeScale,
    traffic: !OFF.includes((env.SANDBOX_TRAFFIC ?? 'on').trim().toLowerCase()),
    callsPerMinute: read('SANDBOX_CALLS_PER_MINUTE', '2'),
    agents: whole('SANDBOX_AGENTS', '4'),
    customers: whole('SANDBOX_CUSTOMERS', '40'),
    tunables: readTunables((name: TunableName) => env[`SANDBOX_${name.toUpperCase().replace(/-/g, '_')}`]),
    configDir: env.CONFIG_DIR?.trim() || 'config',
  };
}
