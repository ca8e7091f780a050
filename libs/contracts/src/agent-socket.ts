import { AgentState } from './agent-events';

/** socket.io namespace of the agent desktop; the handshake carries the agent's bearer token. */
export const AGENT_NAMESPACE = '/agent';

/** Events the server pushes to an agent's desktop. */
export const AGENT_EVENTS = {
  state: 'agent.state',
  offer: 'agent.offer',
  offerEnded: 'agent.offer-ended',
} as const;

/** Commands an agent's desktop sends; each is acknowledged with `{ ok: true }` or `{ ok: false, code, message }`. */
export const AGENT_COMMANDS = {
  changeState: 'agent.change-state',
  decline: 'agent.decline',
} as const;

export interface AgentStatePayload {
  agentId: string;
  state: AgentState;
  reason?: string;
  /** When the agent entered this state (ms since the epoch). */
  since: number;
  callSid?: string;
  queue?: string;
}

export interface AgentOfferPayload {
  callSid: string;
  queue: string;
  /** Ring timeout: the offer is withdrawn at this time (ms since the epoch). */
  expiresAt: number;
  ringSeconds: number;
  /** Screen pop: GET this with the agent's token for the caller's profile. */
  profileUrl: string;
  /** The caller's number, masked (+86*******8000). */
  caller: string | null;
  /** When the caller joined the line (ms since the epoch): how long they have waited. */
  queuedAt: number | null;
}

export interface AgentOfferEndedPayload {
  callSid: string;
  why: 'answered' | 'missed' | 'withdrawn';
}

export interface ChangeStateCommand {
  state: 'available' | 'away' | 'offline';
  reason?: string;
}

export type CommandAck = { ok: true } | { ok: false; code: string; message: string };
