// Types of desk-state.js, for its tests and editors (the page itself is plain JavaScript).
import type { AgentOfferPayload, AgentStatePayload } from '@hotline/contracts';

export type AgentStatus = Omit<AgentStatePayload, 'agentId'>;

export interface Presence {
  state: 'available' | 'away' | 'offline';
  reason?: string;
}

export interface Desk {
  /** The socket to Hotline. */
  connection: 'connecting' | 'online' | 'offline';
  /** Hotline's latest word on the agent's state; null before the first. */
  agent: AgentStatus | null;
  offer: AgentOfferPayload | null;
  /** What the agent last chose, restored after Hotline signed them out during a drop. */
  presence: Presence | null;
  onHold: boolean;
  muted: boolean;
  disposedCallSid: string | null;
}

export type DeskEvent =
  | { type: 'connected' }
  | { type: 'disconnected' }
  | { type: 'state'; state: AgentStatus }
  | { type: 'offer'; offer: AgentOfferPayload }
  | { type: 'offer-ended'; callSid: string }
  | ({ type: 'presence-chosen' } & Presence)
  | { type: 'held'; onHold: boolean }
  | { type: 'muted'; muted: boolean }
  | { type: 'disposed'; callSid: string };

export type Phase = 'connecting' | 'offline' | 'available' | 'away' | 'ringing' | 'on-call' | 'wrap-up';

export const INITIAL_DESK: Desk;
export function nextDesk(desk: Desk, event: DeskEvent): Desk;
export function phaseOf(desk: Desk): Phase;
export function secondsInState(desk: Desk, now: number): number;
export function ringSecondsLeft(desk: Desk, now: number): number | null;
export function wrapSecondsLeft(
  desk: Desk,
  now: number,
  wrapUpSeconds: Record<string, number>,
): number | null;
export function dispositionDue(desk: Desk): boolean;
export function presenceToRestore(desk: Desk): Presence | null;
export function clockText(seconds: number | null): string;
