import type { AgentState, CallOutcome, FlowCounts } from '@hotline/contracts';
import type { ServiceLevelFormula } from './config';
import type { LoggedInState } from './tally';

/*
 * The figures as sent to wallboards and reports: plain JSON-safe objects. Units are in the names:
 * `…Seconds` are seconds, `…At` are ms since the epoch, and every ratio (service level, rates,
 * occupancy) is a fraction from 0 to 1. A ratio with nothing to divide by is null, never NaN.
 */

export interface ServiceLevelFigure {
  formula: ServiceLevelFormula;
  /** The queue's T; null across queues, where each call is judged by its own queue's T. */
  thresholdSeconds: number | null;
  value: number | null;
}

/** What went through a scope during a period; each event counts in the period it happened in. */
export interface FlowFigures extends FlowCounts {
  serviceLevel: ServiceLevelFigure;
  asaSeconds: number | null;
  /** Talk + hold + wrap-up per handled call. */
  ahtSeconds: number | null;
  averageTalkSeconds: number | null;
  averageHoldSeconds: number | null;
  averageWrapUpSeconds: number | null;
  /** abandoned / offered. */
  abandonRate: number | null;
  /** (abandoned − short) / (offered − short). */
  abandonRateExcludingShort: number | null;
}

export interface QueueFlowFigures extends FlowFigures {
  tiers: Record<string, FlowFigures>;
}

export interface AgentPeriodFigures {
  offers: number;
  /** Offers that rang out (no-answer) or were declined. */
  missedOffers: number;
  handled: number;
  ahtSeconds: number | null;
  /** (on-call + wrap-up) / (on-call + wrap-up + available + reserved). */
  occupancy: number | null;
  /** Logged-in time in each state; time offline is not counted. */
  secondsByState: Record<LoggedInState, number>;
}

export interface CallFlowFigures {
  /** Calls that reached Hotline (before the IVR). */
  received: number;
  /** Calls that ended, by outcome. */
  completed: Record<CallOutcome, number>;
}

export interface PeriodFigures {
  from: number;
  to: number;
  overall: FlowFigures;
  queues: Record<string, QueueFlowFigures>;
  /** Each tier across all queues. */
  tiers: Record<string, FlowFigures>;
  agents: Record<string, AgentPeriodFigures>;
  /** Occupancy of all agents together. */
  occupancy: number | null;
  calls: CallFlowFigures;
}

export interface WaitingFigures {
  waiting: number;
  longestWaitSeconds: number | null;
  vipWaiting: number;
  longestVipWaitSeconds: number | null;
}

/** The wait a caller of a tier entering the queue now can expect (see estimated-wait.ts). */
export interface EstimatedWaitFigures {
  headStartSeconds: number;
  callersAhead: number;
  /** Agents serving the queue who are logged in and not away. */
  agents: number;
  availableAgents: number;
  ahtSeconds: number;
  /** False when the queue handled no call in the recent window and the configured AHT is used. */
  ahtFromHistory: boolean;
  secondsToNextRelease: number;
  /** Null when no agent serves the queue. */
  ewtSeconds: number | null;
}

export interface TierWaitingFigures extends WaitingFigures {
  estimatedWait: EstimatedWaitFigures;
}

export interface QueueWaitingFigures extends WaitingFigures {
  tiers: Record<string, TierWaitingFigures>;
}

export interface AgentLiveFigures {
  state: AgentState;
  /** When the agent entered the state; null for an agent never seen changing state. */
  sinceAt: number | null;
  timeInStateSeconds: number | null;
  callSid: string | null;
  queue: string | null;
}

export interface LiveFigures {
  at: number;
  overall: WaitingFigures;
  queues: Record<string, QueueWaitingFigures>;
  tiers: Record<string, WaitingFigures>;
  agents: Record<string, AgentLiveFigures>;
  agentsByState: Record<AgentState, number>;
  /** Calls received and not yet completed. */
  openCalls: number;
}

/** Which agents serve each queue, for wait estimates; by default every agent serves every queue. */
export interface LiveOptions {
  servingAgents?: Readonly<Record<string, readonly string[]>>;
}
