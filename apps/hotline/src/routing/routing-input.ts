import {
  AcdDecision,
  AgentPresence,
  AgentProfile,
  CallerArrival,
  MissReason,
  RoutingEngine,
} from '@hotline/acd';

/**
 * Everything the routing engine is told, as data: written to the routing journal before it is
 * applied, so that replaying the journal through a new engine rebuilds the same state.
 */
export type RoutingInputData =
  | { kind: 'caller-entered'; arrival: CallerArrival }
  | { kind: 'caller-left'; callerId: string }
  | { kind: 'offer-answered'; callerId: string }
  | { kind: 'offer-missed'; callerId: string; reason: MissReason }
  | { kind: 'call-ended'; agentId: string }
  | { kind: 'disposition-recorded'; agentId: string }
  | { kind: 'agent-profile'; agentId: string; profile: AgentProfile }
  | { kind: 'agent-presence'; agentId: string; presence: AgentPresence; reason?: string };

/** Applies one input to the engine at time `now` and returns what the engine decided. */
export function applyRoutingInput(
  engine: RoutingEngine,
  input: RoutingInputData,
  now: number,
): AcdDecision[] {
  switch (input.kind) {
    case 'caller-entered':
      return engine.callerEntered(input.arrival, now);
    case 'caller-left':
      return engine.callerLeft(input.callerId, now);
    case 'offer-answered':
      return engine.offerAnswered(input.callerId, now);
    case 'offer-missed':
      return engine.offerMissed(input.callerId, input.reason, now);
    case 'call-ended':
      return engine.callEnded(input.agentId, now);
    case 'disposition-recorded':
      return engine.dispositionRecorded(input.agentId, now);
    case 'agent-profile':
      return engine.agentProfileSet(input.agentId, input.profile, now);
    case 'agent-presence':
      return engine.agentPresenceChanged(input.agentId, input.presence, now, input.reason);
  }
}

/** The agent an input is about, if any: their state may change with it. */
export function agentOf(input: RoutingInputData): string | undefined {
  return 'agentId' in input ? input.agentId : undefined;
}
