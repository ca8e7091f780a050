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

/** The IVR flow every call to the hotline number enters. */
export const MAIN_FLOW = 'main';

const QUEUE_KEYS = ['skills', 'serviceLevel', 'shortAbandonSeconds', 'wrapUpSeconds'];
const NAME = /^[a-z][a-z0-9_-]{0,63}$/;

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The overlay's mappings merged into the base key by key; any other overlay value replaces the base one. */
function overlaid(base: unknown, overlay: unknown): unknown {
  if (!isMapping(base) || !isMapping(overlay)) return overlay;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay))
    merged[key] = key in base ? overlaid(base[key], value) : value;
  return merged;
}

function parseFile(path: string, problems: ConfigProblem[]): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push({ file: path, key: '(file)', problem: `is not valid YAML: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * A file of the configuration directory, with the same file of the overlay directory (e.g.
 * config/sandbox) merged over it when there is one, so an overlay only states what it changes.
 */
function readYaml(
  dir: string,
  overlay: string | undefined,
  file: string,
  problems: ConfigProblem[],
): ConfigReader | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push({ file: path, key: '(file)', problem: 'not found' });
    return undefined;
  }
  const overlayPath = overlay === undefined ? undefined : join(overlay, file);
  const count = problems.length;
  const base = parseFile(path, problems);
  const merged =
    overlayPath && existsSync(overlayPath) ? overlaid(base, parseFile(overlayPath, problems)) : base;
  return problems.length > count ? undefined : new ConfigReader(path, merged);
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
 * Loads queues.yaml, tiers.yaml and ivr/main.yaml from the configuration directory (each with the
 * overlay directory's file of the same name merged over it) and throws one ConfigError naming
 * every problem found.
 */
export function loadContactCenterConfig(dir: string, overlay?: string): ContactCenterConfig {
  const problems: ConfigProblem[] = [];
  const queuesFile = readYaml(dir, overlay, 'queues.yaml', problems);
  const tiersFile = readYaml(dir, overlay, 'tiers.yaml', problems);
  const ivrFile = readYaml(dir, overlay, 'ivr/main.yaml', problems);
  const queues = queuesFile ? readQueues(queuesFile) : new Map<string, QueueSettings>();
  const { tiers, defaultTier } = tiersFile
    ? readTiers(tiersFile)
    : { tiers: new Map(), defaultTier: 'standard' };
  for (const reader of [queuesFile, tiersFile]) problems.push(...(reader?.problems ?? []));
  // Without the queues the IVR's routes cannot be checked; the missing file is the problem to report.
  const ivr =
    ivrFile && queuesFile
      ? validateIvrConfig(ivrFile.raw(''), { knownQueues: queues.keys(), isKnownTimeZone })
      : { value: undefined, problems: [] };
  problems.push(...ivr.problems.map((problem) => ({ file: ivrFile?.file ?? 'ivr/main.yaml', ...problem })));
  if (ivrFile && ivr.value && !Object.hasOwn(ivr.value.flows, MAIN_FLOW)) {
    problems.push({
      file: ivrFile.file,
      key: `flows.${MAIN_FLOW}`,
      problem: 'is required: every incoming call enters this flow',
    });
  }
  if (problems.length > 0 || ivr.value === undefined) throw new ConfigError(problems);
  return { queues, tiers, defaultTier, ivr: ivr.value };
}
