import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_STRATEGIES, AgentStrategy } from '@hotline/acd';
import { IvrConfig, validateIvrConfig } from '@hotline/ivr';
import { parse } from 'yaml';
import { isKnownTimeZone } from '../shared/local-time';
import { ConfigError, ConfigProblem } from './config-error';
import { AgentSettings, readAgentSettings } from './agents-settings';
import { ConfigReader } from './config-reader';
import { CRM_FILE, CrmSettings, duplicateMinValues, readCrmSettings } from './crm.config';

export const SERVICE_LEVEL_FORMULAS = ['F1', 'F2', 'F3', 'F4'] as const;
export type ServiceLevelFormula = (typeof SERVICE_LEVEL_FORMULAS)[number];

/** Where a caller goes when a queue limit sends them away. */
export type QueueRoute = { kind: 'voicemail' } | { kind: 'callback' } | { kind: 'queue'; target: string };

export interface QueueSettings {
  name: string;
  skills: string[];
  serviceLevel: { target: number; thresholdSeconds: number; formula: ServiceLevelFormula };
  shortAbandonSeconds: number;
  wrapUpSeconds: number;
  strategy: AgentStrategy;
  ringSeconds: number;
  missesBeforePause: number;
  reofferAfterSeconds: number;
  overflow?: { afterSeconds: number; queue: string };
  maxWaiting?: { callers: number; route: QueueRoute };
  maxWait?: { seconds: number; route: QueueRoute };
  noAgents?: { afterSeconds: number; route: QueueRoute };
  /** Handle time assumed for wait estimates until the queue has recent calls to measure. */
  expectedHandleSeconds: number;
  /** Least time between two position announcements to the same caller. */
  announceEverySeconds: number;
  /** Offer "press 1 to be called back and keep your place" in the wait loop. */
  callbackOffer: boolean;
  /** When the monitor raises an alert about this queue. */
  alerts: QueueAlertSettings;
}

/** Agent states an agent can be stuck in, with the seconds after which that raises an alert. */
export const ALERTABLE_AGENT_STATES = ['available', 'reserved', 'on-call', 'wrap-up', 'away'] as const;
export type AlertableAgentState = (typeof ALERTABLE_AGENT_STATES)[number];

export interface QueueAlertSettings {
  /** Today's service level below this (0–1) raises an alert; defaults to the service-level target. */
  serviceLevelBelow: number;
  /** A caller waiting longer than this raises an alert. */
  longestWaitSeconds: number;
  /** An agent serving the queue who stays longer than this in a state raises an alert. */
  agentStateSeconds: Partial<Record<AlertableAgentState, number>>;
}

const DEFAULT_AGENT_STATE_ALERT_SECONDS: Partial<Record<AlertableAgentState, number>> = {
  reserved: 60,
  'on-call': 1800,
  'wrap-up': 300,
  away: 900,
};

export interface TierSettings {
  name: string;
  headStartSeconds: number;
  /** A caller of this tier waiting longer than this raises a VIP wait alert. */
  vipWaitAlertSeconds?: number;
  /** A customer whose value reaches this earns the tier (the highest such tier wins). */
  minValue?: number;
}

export interface ContactCenterConfig {
  agents: AgentSettings;
  queues: Map<string, QueueSettings>;
  tiers: Map<string, TierSettings>;
  defaultTier: string;
  ivr: IvrConfig;
  crm: CrmSettings;
}

/** The IVR flow every call to the hotline number enters. */
export const MAIN_FLOW = 'main';

const QUEUE_KEYS = [
  'skills',
  'serviceLevel',
  'shortAbandonSeconds',
  'wrapUpSeconds',
  'strategy',
  'ringSeconds',
  'missesBeforePause',
  'reofferAfterSeconds',
  'overflow',
  'maxWaiting',
  'maxWait',
  'noAgents',
  'expectedHandleSeconds',
  'announceEverySeconds',
  'callbackOffer',
  'alerts',
];
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

/** `voicemail`, `callback`, or `{ queue: <name> }`. */
function readRoute(read: ConfigReader, key: string): QueueRoute {
  const raw = read.raw(key);
  if (raw === 'voicemail' || raw === 'callback') return { kind: raw };
  if (isMapping(raw) && typeof raw.queue === 'string' && Object.keys(raw).length === 1) {
    return { kind: 'queue', target: raw.queue };
  }
  read.problem(key, 'must be voicemail, callback or { queue: <name> }');
  return { kind: 'voicemail' };
}

/** An optional limit: a mapping with a number and a route to send callers to. */
function readLimit<K extends string>(read: ConfigReader, key: string, amount: K, min: number) {
  if (!read.has(key)) return undefined;
  read.onlyKeys(key, [amount, 'route']);
  return {
    [amount]: read.number(`${key}.${amount}`, { min, integer: true }),
    route: readRoute(read, `${key}.route`),
  } as {
    [P in K]: number;
  } & { route: QueueRoute };
}

/** Queue names a setting of one queue refers to, checked once every queue is known. */
function referencedQueues(queue: QueueSettings): [string, string][] {
  const routes: [string, QueueRoute | undefined][] = [
    ['maxWaiting.route', queue.maxWaiting?.route],
    ['maxWait.route', queue.maxWait?.route],
    ['noAgents.route', queue.noAgents?.route],
  ];
  const targets = routes.flatMap(([key, route]) =>
    route?.kind === 'queue' ? [[key, route.target] as [string, string]] : [],
  );
  return queue.overflow ? [['overflow.queue', queue.overflow.queue], ...targets] : targets;
}

function readAlerts(
  read: ConfigReader,
  key: string,
  serviceLevel: { target: number; thresholdSeconds: number },
): QueueAlertSettings {
  read.onlyKeys(key, ['serviceLevelBelow', 'longestWaitSeconds', 'agentStateSeconds']);
  read.onlyKeys(`${key}.agentStateSeconds`, ALERTABLE_AGENT_STATES);
  const agentStateSeconds = { ...DEFAULT_AGENT_STATE_ALERT_SECONDS };
  for (const state of ALERTABLE_AGENT_STATES) {
    const seconds = read.optionalNumber(`${key}.agentStateSeconds.${state}`, { min: 1, integer: true });
    if (seconds !== undefined) agentStateSeconds[state] = seconds;
  }
  return {
    serviceLevelBelow: read.number(`${key}.serviceLevelBelow`, {
      min: 0,
      max: 1,
      fallback: serviceLevel.target,
    }),
    longestWaitSeconds: read.number(`${key}.longestWaitSeconds`, {
      min: 1,
      integer: true,
      fallback: 2 * serviceLevel.thresholdSeconds,
    }),
    agentStateSeconds,
  };
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
    const serviceLevel = {
      target: read.number(`${key}.serviceLevel.target`, { min: 0, max: 1, fallback: 0.8 }),
      thresholdSeconds: read.number(`${key}.serviceLevel.thresholdSeconds`, {
        min: 1,
        integer: true,
        fallback: 20,
      }),
      formula: read.oneOf(`${key}.serviceLevel.formula`, SERVICE_LEVEL_FORMULAS, 'F4'),
    };
    queues.set(name, {
      name,
      skills: read.stringList(`${key}.skills`, [name]),
      serviceLevel,
      shortAbandonSeconds: read.number(`${key}.shortAbandonSeconds`, { min: 0, integer: true, fallback: 5 }),
      wrapUpSeconds: read.number(`${key}.wrapUpSeconds`, { min: 0, integer: true, fallback: 30 }),
      strategy: read.oneOf(`${key}.strategy`, AGENT_STRATEGIES, 'longest-idle'),
      ringSeconds: read.number(`${key}.ringSeconds`, { min: 5, max: 120, integer: true, fallback: 20 }),
      missesBeforePause: read.number(`${key}.missesBeforePause`, { min: 1, integer: true, fallback: 2 }),
      reofferAfterSeconds: read.number(`${key}.reofferAfterSeconds`, { min: 0, integer: true, fallback: 10 }),
      overflow: read.has(`${key}.overflow`)
        ? {
            afterSeconds: read.number(`${key}.overflow.afterSeconds`, { min: 0, integer: true }),
            queue: read.string(`${key}.overflow.queue`),
          }
        : undefined,
      maxWaiting: readLimit(read, `${key}.maxWaiting`, 'callers', 1),
      maxWait: readLimit(read, `${key}.maxWait`, 'seconds', 1),
      noAgents: read.has(`${key}.noAgents`)
        ? {
            afterSeconds: read.number(`${key}.noAgents.afterSeconds`, { min: 0, integer: true, fallback: 0 }),
            route: readRoute(read, `${key}.noAgents.route`),
          }
        : undefined,
      expectedHandleSeconds: read.number(`${key}.expectedHandleSeconds`, {
        min: 1,
        integer: true,
        fallback: 300,
      }),
      announceEverySeconds: read.number(`${key}.announceEverySeconds`, {
        min: 0,
        integer: true,
        fallback: 30,
      }),
      callbackOffer: read.boolean(`${key}.callbackOffer`, true),
      alerts: readAlerts(read, `${key}.alerts`, serviceLevel),
    });
    read.onlyKeys(`${key}.overflow`, ['afterSeconds', 'queue']);
    read.onlyKeys(`${key}.noAgents`, ['afterSeconds', 'route']);
  }
  for (const queue of queues.values()) {
    for (const [setting, target] of referencedQueues(queue)) {
      if (!queues.has(target))
        read.problem(`queues.${queue.name}.${setting}`, `names no queue defined here (got "${target}")`);
    }
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
    read.onlyKeys(key, ['headStartSeconds', 'vipWaitAlertSeconds', 'minValue']);
    tiers.set(name, {
      name,
      headStartSeconds: read.number(`${key}.headStartSeconds`, { min: 0, integer: true }),
      vipWaitAlertSeconds: read.optionalNumber(`${key}.vipWaitAlertSeconds`, { min: 1, integer: true }),
      minValue: read.optionalNumber(`${key}.minValue`, { min: 0, integer: true }),
    });
  }
  for (const [tier, other] of duplicateMinValues(tiers.values()))
    read.problem(`tiers.${tier}.minValue`, `is the same as tiers.${other}.minValue`);
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
  const agentsFile = existsSync(join(dir, 'agents.yaml'))
    ? readYaml(dir, overlay, 'agents.yaml', problems)
    : undefined;
  const agents = readAgentSettings(agentsFile);
  const queues = queuesFile ? readQueues(queuesFile) : new Map<string, QueueSettings>();
  const { tiers, defaultTier } = tiersFile
    ? readTiers(tiersFile)
    : { tiers: new Map(), defaultTier: 'standard' };
  for (const reader of [queuesFile, tiersFile, agentsFile]) problems.push(...(reader?.problems ?? []));
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
  // crm.yaml names queues and IVR languages: checked once those are known to be right.
  const crmFile =
    queuesFile && ivr.value && existsSync(join(dir, CRM_FILE))
      ? readYaml(dir, overlay, CRM_FILE, problems)
      : undefined;
  const crm = readCrmSettings(crmFile, { queues: new Set(queues.keys()), ivr: ivr.value });
  problems.push(...(crmFile?.problems ?? []));
  if (problems.length > 0 || ivr.value === undefined) throw new ConfigError(problems);
  return { agents, queues, tiers, defaultTier, ivr: ivr.value, crm };
}
