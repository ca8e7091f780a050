import { CallRecord } from '@hotline/persistence';

/** The agent a caller should be offered to first, and until when (ms since the epoch). */
export interface PreferredAgent {
  agentId: string;
  until: number;
}

/**
 * Decides whether a caller entering a queue goes first to one agent (e.g. the owner of their open
 * case). The routing engine keeps the caller's place in line either way.
 */
export abstract class PreferredAgentPolicy {
  abstract preferredAgentFor(call: CallRecord, now: number): Promise<PreferredAgent | null>;
}
