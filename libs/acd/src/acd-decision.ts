import type { AgentState } from '@hotline/contracts';
import type { Route } from './acd-config';

/** How an offered agent came to serve the caller. */
export type OfferVia = 'queue' | 'overflow' | 'preferred';

/** What the engine has decided; `at` is the engine time (ms) the decision was made. */
export type AcdDecision =
  | OfferDecision
  | OfferExpiredDecision
  | OfferWithdrawnDecision
  | RouteDecision
  | CallerOverflowedDecision
  | AgentPausedDecision
  | WrapUpStartedDecision
  | WrapUpEndedDecision;

/** Ring `agentId` for `callerId`; the agent is now reserved. */
export interface OfferDecision {
  type: 'offer';
  at: number;
  callerId: string;
  agentId: string;
  /** The caller's queue, whose ring, wrap-up and miss settings apply. */
  queue: string;
  via: OfferVia;
  ringSeconds: number;
  expiresAt: number;
}

/** Nobody answered in time: stop ringing. The caller is back in line with their score. */
export interface OfferExpiredDecision {
  type: 'offer-expired';
  at: number;
  callerId: string;
  agentId: string;
  queue: string;
}

/** Stop ringing: the caller left, or the agent went away or offline. */
export interface OfferWithdrawnDecision {
  type: 'offer-withdrawn';
  at: number;
  callerId: string;
  agentId: string;
  queue: string;
  why: 'caller-left' | 'agent-unavailable';
}

export type RouteWhy = 'max-wait' | 'max-waiting' | 'no-agents';

/**
 * The caller leaves `queue` for `route`. For a queue route the engine has already put them in the
 * target queue, as a new arrival there.
 */
export interface RouteDecision {
  type: 'route';
  at: number;
  callerId: string;
  queue: string;
  route: Route;
  why: RouteWhy;
}

/** The caller may now also be taken by the agents of `overflowQueue`. */
export interface CallerOverflowedDecision {
  type: 'caller-overflowed';
  at: number;
  callerId: string;
  queue: string;
  overflowQueue: string;
}

/** The agent missed too many offers in a row and is now away. */
export interface AgentPausedDecision {
  type: 'agent-paused';
  at: number;
  agentId: string;
  reason: 'missed-offers';
  misses: number;
}

export interface WrapUpStartedDecision {
  type: 'wrapup-started';
  at: number;
  agentId: string;
  queue: string;
  endsAt: number;
}

/** Wrap-up is over; the agent is now in state `next`. */
export interface WrapUpEndedDecision {
  type: 'wrapup-ended';
  at: number;
  agentId: string;
  why: 'timer' | 'disposition' | 'presence';
  next: AgentState;
}
