import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IvrConfig, validateIvrConfig } from '@hotline/ivr';
import { parse } from 'yaml';
import { isKnownTimeZone } from '../shared/local-time';
import { ConfigError, ConfigProblem } from './config-error';
import { ConfigReader } from './config-reader';

export const SERVICE_LEVEL_FORMULAS = ['F1', 'F2', 'F3', 'F4'] as const;
export type ServiceLevelFormula = (typeof SERVICE_LEVEL_FORMULAS)[number];

export interface QueueSettings {
  name: string;
  skills: string[];
  serviceLevel: { target: number; thresholdSeconds: number; formula: ServiceLevelFormula };
  shortAbandonSeconds: number;
  wrapUpSeconds: number;
}

export interface TierSettings {
  name: string;
  headStartSeconds: number;
  /** A caller of this tier waiting longer than this raises a VIP wait alert. */
  vipWaitAlertSeconds?: number;
}

export interface ContactCenterConfig {
  queues: Map<string, QueueSettings>;
  tiers: Map<string, TierSettings>;
  defaultTier: string;
  ivr: IvrConfig;
}

const QUEUE_KEYS = ['skills', 'serviceLevel', 'shortAbandonSeconds', 'wrapUpSeconds'];
const NAME = /^[a-z][a-z0-9_-]{0,63}$/;

/**
 * A file of the configuration directory, taken from the overlay directory (e.g. config/sandbox)
 * when it has one of that name, so an overlay only restates what it changes.
 */
function readYaml(dirs: string[], file: string, problems: ConfigProblem[]): ConfigReader | undefined {
  const dir = dirs.find((candidate) => existsSync(join(candidate, file)));
  if (dir === undefined) {
    problems.push({ file, key: '(file)', problem: `not found in ${dirs.join(' or ')}` });
    return undefined;
  }
  try {
    return new ConfigReader(join(dir, file), parse(readFileSync(join(dir, file), 'utf8')));
  } catch (error) {
    problems.push({
      file: join(dir, file),
      key: '(file)',
      problem: `is not valid YAML: ${(error as Error).message}`,
    });
    return undefined;
  }
}

function readQueues(read: ConfigReader): Map<string, QueueSettings> {
  const queues = new Map<string, QueueSettings>();
  read.onlyKeys('', ['queues']);
  for (const name of read.keys('queues')) {
    const key = `queues.${name}`;
    if (!NAME.test(name))
      read.problem(key, 'queue names are lower-case letters, digits, - and _ (at most 64)');
    read.onlyKeys(key, QUEUE_KEYS);
    read.onlyKeys(`${key}.serviceLevel`, ['target', 'thresholdSeconds', 'formula']);
    queues.set(name, {
      name,
      skills: read.stringList(`${key}.skills`, [name]),
      serviceLevel: {
        target: read.number(`${key}.serviceLevel.target`, { min: 0, max: 1, fallback: 0.8 }),
        thresholdSeconds: read.number(`${key}.serviceLevel.thresholdSeconds`, {
          min: 1,
          integer: true,
          fallback: 20,
        }),
        formula: read.oneOf(`${key}.serviceLevel.formula`, SERVICE_LEVEL_FORMULAS, 'F4'),
      },
      shortAbandonSeconds: read.number(`${key}.shortAbandonSeconds`, { min: 0, integer: true, fallback: 5 }),
      wrapUpSeconds: read.number(`${key}.wrapUpSeconds`, { min: 0, integer: true, fallback: 30 }),
    });
  }
  if (queues.size === 0 && read.problems.length === 0)
    read.problem('queues', 'must define at least one queue');
  return queues;
}

function readTiers(read: ConfigReader): { tiers: Map<string, TierSettings>; defaultTier: string } {
  const tiers = new Map<string, TierSettings>();
  read.onlyKeys('', ['tiers', 'defaultTier']);
  for (const name of read.keys('tiers')) {
    const key = `tiers.${name}`;
    if (!NAME.test(name)) read.problem(key, 'tier names are lower-case letters, digits, - and _');
    read.onlyKeys(key, ['headStartSeconds', 'vipWaitAlertSeconds']);
    tiers.set(name, {
      name,
      headStartSeconds: read.number(`${key}.headStartSeconds`, { min: 0, integer: true }),
      vipWaitAlertSeconds: read.optionalNumber(`${key}.vipWaitAlertSeconds`, { min: 1, integer: true }),
    });
  }
  const defaultTier = read.string('defaultTier', 'standard');
  if (tiers.size > 0 && !tiers.has(defaultTier)) {
    read.problem('defaultTier', `names no tier defined under tiers (got "${defaultTier}")`);
  }
  return { tiers, defaultTier };
}

/**
 * Loads queues.yaml, tiers.yaml and ivr/main.yaml from the configuration directory (with an optional
 * overlay directory taking precedence) and throws one ConfigError naming every problem found.
 */
export function loadContactCenterConfig(dir: string, overlay?: string): ContactCenterConfig {
  const dirs = overlay ? [overlay, dir] : [dir];
  const problems: ConfigProblem[] = [];
  const queuesFile = readYaml(dirs, 'queues.yaml', problems);
  const tiersFile = readYaml(dirs, 'tiers.yaml', problems);
  const ivrFile = readYaml(dirs, 'ivr/main.yaml', problems);
  const queues = queuesFile ? readQueues(queuesFile) : new Map<string, QueueSettings>();
  const { tiers, defaultTier } = tiersFile
    ? readTiers(tiersFile)
    : { tiers: new Map(), defaultTier: 'standard' };
  for (const reader of [queuesFile, tiersFile]) problems.push(...(reader?.problems ?? []));
  const ivr = ivrFile
    ? validateIvrConfig(ivrFile.raw(''), { knownQueues: queues.keys(), isKnownTimeZone })
    : { value: undefined, problems: [] };
  problems.push(...ivr.problems.map((problem) => ({ file: ivrFile?.file ?? 'ivr/main.yaml', ...problem })));
  if (problems.length > 0 || ivr.value === undefined) throw new ConfigError(problems);
  return { queues, tiers, defaultTier, ivr: ivr.value };
}
