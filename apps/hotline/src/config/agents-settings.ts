import { ConfigReader } from './config-reader';

export interface AgentSettings {
  /** Reason codes an agent may give for being away; an unknown one is refused. */
  awayReasons: string[];
  /** How long an agent's desktop may be disconnected before they are signed out. */
  disconnectGraceSeconds: number;
}

export const DEFAULT_AWAY_REASONS = ['break', 'lunch', 'meeting', 'training', 'coaching', 'after-call-work'];

/** agents.yaml: optional; without it the defaults apply. */
export function readAgentSettings(read: ConfigReader | undefined): AgentSettings {
  if (!read) return { awayReasons: DEFAULT_AWAY_REASONS, disconnectGraceSeconds: 30 };
  read.onlyKeys('', ['awayReasons', 'disconnectGraceSeconds']);
  return {
    awayReasons: read.stringList('awayReasons', DEFAULT_AWAY_REASONS),
    disconnectGraceSeconds: read.number('disconnectGraceSeconds', {
      min: 0,
      max: 3600,
      integer: true,
      fallback: 30,
    }),
  };
}
