import { CallerMixOptions } from './caller-mix';
import { AgentBehaviour } from './simulated-agent';

/** The knobs of simulated traffic shared by the simulate CLI (`--name`) and the sandbox (`SANDBOX_NAME`). */
export interface Tunables {
  mix: Omit<CallerMixOptions, 'defaultTier'>;
  behaviour: AgentBehaviour;
  seed: number;
}

/**
 * Every tunable: its default and meaning (the CLI's usage text and docs/sandbox.md list these).
 * Durations are simulated seconds, which the time scale turns into wall-clock time.
 */
export const TUNABLES = {
  tiers: ['platinum=1,gold=2,silver=3,standard=4', 'tiers of known customers, by weight'],
  'known-share': ['0.5', 'share of calls from numbers Hotline knows as customers'],
  languages: ['zh-CN=1,en-US=1', 'languages callers speak, by weight'],
  queues: [
    '',
    'queues chosen at the IVR, by weight (e.g. billing=2,sales=1); default: every menu path alike',
  ],
  patience: ['120', 'mean seconds a caller waits for an agent before hanging up (exponential)'],
  'callback-share': ['0.1', 'share of callers who press 1 for a call back at the 1st or 2nd offer'],
  'survey-share': ['0.7', 'share of callers who answer the post-call survey'],
  'miss-rate': ['0.05', 'share of offers an agent lets ring out'],
  'ring-delay': ['4', 'mean seconds before an agent picks up'],
  'talk-time': ['60', 'mean seconds an agent talks before hanging up first (exponential)'],
  'wrap-up': ['10', 'mean seconds of after-call work before the disposition'],
  'resolved-share': ['0.8', 'share of calls disposed as resolved'],
  'softphone-hangup-share': ['0.5', 'share of hang-ups on the softphone (the others via REST)'],
  pause: ['30', 'seconds an agent paused by Hotline for missed offers stays away'],
  seed: ['', 'seed of every random draw (callers, arrivals, agents); default: from the clock'],
} as const satisfies Record<string, readonly [string, string]>;

export type TunableName = keyof typeof TUNABLES;

/** Reads the tunables through `get` (a CLI flag or an environment variable, by tunable name). */
export function readTunables(get: (name: TunableName) => string | undefined): Tunables {
  const raw = (name: TunableName) => get(name) ?? TUNABLES[name][0];
  const share = (name: TunableName) => {
    const value = number(name, raw(name));
    if (value < 0 || value > 1) throw new Error(`${name} must be from 0 to 1, got ${value}`);
    return value;
  };
  const seconds = (name: TunableName) => {
    const value = number(name, raw(name));
    if (value < 0) throw new Error(`${name} must be 0 or more seconds, got ${value}`);
    return value;
  };
  const queues = raw('queues');
  const seed = raw('seed');
  return {
    mix: {
      tiers: weights('tiers', raw('tiers')),
      knownShare: share('known-share'),
      languages: weights('languages', raw('languages')),
      queues: queues === '' ? undefined : weights('queues', queues),
      patienceSeconds: seconds('patience'),
      callbackShare: share('callback-share'),
      surveyShare: share('survey-share'),
    },
    behaviour: {
      missRate: share('miss-rate'),
      ringDelaySeconds: seconds('ring-delay'),
      talkSeconds: seconds('talk-time'),
      wrapUpSeconds: seconds('wrap-up'),
      resolvedShare: share('resolved-share'),
      softphoneHangUpShare: share('softphone-hangup-share'),
      pauseSeconds: seconds('pause'),
    },
    seed: seed === '' ? Date.now() % 2 ** 31 : Math.trunc(number('seed', seed)),
  };
}

export function number(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** `a=1,b=2` → { a: 1, b: 2 }. */
export function weights(name: string, raw: string): Record<string, number> {
  const entries = raw.split(',').map((pair) => {
    const [key, value] = pair.split('=').map((part) => part.trim());
    const weight = Number(value);
    if (!key || value === undefined || !Number.isFinite(weight) || weight < 0) {
      throw new Error(`${name} must look like a=1,b=2 (got "${raw}")`);
    }
    return [key, weight] as const;
  });
  return Object.fromEntries(entries);
}
