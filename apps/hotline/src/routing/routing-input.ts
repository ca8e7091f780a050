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
  | { kind: 'offer-answered'; callerId: string; agentId: string }
  | { kind: 'offer-missed'; callerId: string; agentId: string; reason: MissReason }
  | { kind: 'call-ended'; agentId: string }
  | { kind: 'disposition-recorded'; agentId: string }
  | { kind: 'agent-profile'; agentId: string; profile: AgentProfile }
  | { kind: 'agent-presence'; agentId: string; presence: AgentPresence; reason?: string };

/**
 * Whether an answer or a miss is about the offer that is ringing now. Twilio's callbacks and the
 * agent's own decline can both report one miss; once the caller rings another agent, the late
 * report must not count against that new offer.
 */
function ringingFor(engine: RoutingEngine, callerId: string, agentId: string): boolean {
  const agent = engine.agent(agentId);
  return agent?.state === 'reserved' && agent.callerId === callerId;
}

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
      return ringingFor(engine, input.callerId, input.agentId)
        ? engine.offerAnswered(input.callerId, now)
        : [];
    case 'offer-missed':
      return ringingFor(engine, input.callerId, input.agentId)
        ? engine.offerMissed(input.callerId, input.reason, now)
        : [];
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
