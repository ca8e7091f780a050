import type { AgentState } from './agent-events';

/**
 * The supervisor monitor: socket.io namespace `/monitor`, its REST mirror under `/api/monitor` and
 * the interval report under `/api/reports/intervals`. Definitions of every figure are in
 * docs/metrics.md. Units are in the names: `…Seconds` are seconds, `…At` ms since the epoch, and
 * ratios (service level, abandon rate) are fractions from 0 to 1, null when there is nothing to
 * divide by.
 */
export const MONITOR_NAMESPACE = '/monitor';

/** Events the server sends on `/monitor`. */
export const MONITOR_SERVER_EVENTS = {
  /** Everything a client shows, sent on every (re)connection. */
  snapshot: 'snapshot',
  queue: 'queue',
  agent: 'agent',
  alertRaised: 'alert:raised',
  alertCleared: 'alert:cleared',
} as const;

/** Events a client sends on `/monitor`, each answered through the socket.io acknowledgement. */
export const MONITOR_CLIENT_EVENTS = {
  follow: 'follow',
  unfollow: 'unfollow',
} as const;

/** Error codes of a refused handshake (`connect_error` message) or follow request. */
export const MONITOR_ERROR_CODES = {
  unauthenticated: 'AUTH.UNAUTHENTICATED',
  forbidden: 'AUTH.FORBIDDEN',
  unknownQueue: 'MONITOR.UNKNOWN_QUEUE',
  badRequest: 'MONITOR.BAD_REQUEST',
} as const;

export type AgentStateCounts = Record<AgentState, number>;

/** A local day of the contact center, the period "today" figures cover. */
export interface MonitorDay {
  /** Local midnight, ms since the epoch. */
  from: number;
  to: number;
  timeZone: string;
}

export interface MonitorServiceLevel {
  formula: 'F1' | 'F2' | 'F3' | 'F4';
  thresholdSeconds: number;
  /** The queue's goal, e.g. 0.8. */
  target: number;
  value: number | null;
}

/** A queue's flow since local midnight. */
export interface QueueDayFigures {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandoned: number;
  routedElsewhere: number;
  callbacks: number;
  handled: number;
  serviceLevel: MonitorServiceLevel;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
  abandonRateExcludingShort: number | null;
}

/** A VIP caller waiting now. The number is masked (+86*******8000). */
export interface WaitingCallerView {
  callSid: string;
  number: string;
  tier: string;
  enteredAt: number;
  waitSeconds: number;
}

/** The alert thresholds of a queue, so that clients colour figures the way alerts are raised. */
export interface QueueThresholds {
  serviceLevelBelow: number;
  longestWaitSeconds: number;
}

export interface QueueView {
  queue: string;
  /** When the figures were computed; waits grow from here. */
  at: number;
  /** Time of the latest event that changed this queue's figures; null before any. */
  lastEventAt: number | null;
  waiting: number;
  longestWaitSeconds: number | null;
  vipWaiting: number;
  longestVipWaitSeconds: number | null;
  vipCallers: WaitingCallerView[];
  today: QueueDayFigures;
  /** Agents serving the queue (by routing profile; agents without a profile serve every queue), by state. */
  agents: AgentStateCounts;
  thresholds: QueueThresholds;
}

export interface AgentView {
  agentId: string;
  name: string;
  state: AgentState;
  /** When the agent entered the state; null for an agent never seen changing state. */
  sinceAt: number | null;
  at: number;
  timeInStateSeconds: number | null;
  queue: string | null;
  callSid: string | null;
  /** Tier of the caller the agent is reserved for, talking to or wrapping up. */
  callerTier: string | null;
}

export const ALERT_KINDS = ['service-level', 'longest-wait', 'vip-wait', 'agent-state'] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertView {
  /** Stable while the condition lasts: `<kind>:<queue>[:<tier>]` or `agent-state:<agentId>`. */
  id: string;
  kind: AlertKind;
  queue: string | null;
  tier: string | null;
  agentId: string | null;
  agentState: AgentState | null;
  /** The figure when the alert was raised, in the unit of its threshold. */
  value: number;
  threshold: number;
  raisedAt: number;
}

export interface AlertCleared {
  id: string;
  clearedAt: number;
}

export interface MonitorSnapshot {
  at: number;
  day: MonitorDay;
  following: string[];
  queues: QueueView[];
  agents: AgentView[];
  alerts: AlertView[];
}

export interface FollowRequest {
  queues: string[];
}

export type FollowReply =
  { ok: true; following: string[]; queues: QueueView[] } | { ok: false; code: string; message: string };

export interface MonitorServerToClientEvents {
  snapshot: (snapshot: MonitorSnapshot) => void;
  queue: (queue: QueueView) => void;
  agent: (agent: AgentView) => void;
  'alert:raised': (alert: AlertView) => void;
  'alert:cleared': (cleared: AlertCleared) => void;
}

export interface MonitorClientToServerEvents {
  follow: (request: FollowRequest, reply: (reply: FollowReply) => void) => void;
  unfollow: (request: FollowRequest, reply: (reply: FollowReply) => void) => void;
}

/** `GET /api/monitor/queues`. */
export interface MonitorQueuesResponse {
  at: number;
  day: MonitorDay;
  queues: QueueView[];
  alerts: AlertView[];
}

/** `GET /api/monitor/agents`. */
export interface MonitorAgentsResponse {
  at: number;
  agents: AgentView[];
}

/**
 * What went through a queue (or tier) in a period, as counts: the live figures, the stored
 * quarter hours and the interval report all carry them, so that they always add up alike.
 */
export interface FlowCounts {
  /** Callers who entered the queue (a caller moved to another queue is offered to both). */
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  abandonedWithinThreshold: number;
  shortAbandoned: number;
  routedElsewhere: number;
  callbacks: number;
  /** Calls whose wrap-up ended. */
  handled: number;
}

/** One row of `GET /api/reports/intervals`: a queue (tier null) or a queue's tier over 15 minutes. */
export interface IntervalReportRow extends FlowCounts {
  intervalStart: number;
  intervalEnd: number;
  queue: string;
  tier: string | null;
  serviceLevel: number | null;
  serviceLevelFormula: 'F1' | 'F2' | 'F3' | 'F4';
  serviceLevelThresholdSeconds: number;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
}

export interface IntervalReportResponse {
  from: number;
  to: number;
  timeZone: string;
  rows: IntervalReportRow[];
}
