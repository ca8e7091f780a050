/**
 * Agent presence as a log (`agent_events`): one row per state change. Occupancy, time in state
 * and agent grids on the wallboard are computed from it.
 */
export const AGENT_STATES = ['offline', 'available', 'reserved', 'on-call', 'wrap-up', 'away'] as const;

export type AgentState = (typeof AGENT_STATES)[number];

export interface AgentEvent {
  agentId: string;
  /** Position of this event in the agent's log, from 0. */
  seq: number;
  state: AgentState;
  /** Milliseconds since the Unix epoch. */
  at: number;
  /** Away reason code, or why the state changed (e.g. 'auto-pause:missed-offers'). */
  reason?: string;
  /** The call the state is about, when reserved, on a call or in wrap-up. */
  callSid?: string;
  queue?: string;
}
