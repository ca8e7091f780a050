import type { AcdConfig, AgentProfile, QueueConfig, TierConfig } from '../acd-config';
import type { AcdDecision } from '../acd-decision';
import { RoutingEngine } from '../routing-engine';

/** A fixed epoch so that times in tests read as seconds from the start. */
export const T0 = 1_700_000_000_000;

export function at(seconds: number): number {
  return T0 + seconds * 1000;
}

export const TIERS: TierConfig[] = [
  { name: 'standard', headStartSeconds: 0 },
  { name: 'gold', headStartSeconds: 60 },
  { name: 'platinum', headStartSeconds: 120 },
];

export function engineFor(queues: QueueConfig[], tiers: TierConfig[] = TIERS): RoutingEngine {
  const config: AcdConfig = { queues, tiers };
  return new RoutingEngine(config);
}

/** Registers the agent and makes them available. */
export function logIn(
  engine: RoutingEngine,
  agentId: string,
  profile: AgentProfile,
  seconds: number,
): AcdDecision[] {
  return [
    ...engine.agentProfileSet(agentId, profile, at(seconds)),
    ...engine.agentPresenceChanged(agentId, 'available', at(seconds)),
  ];
}

export function arrive(
  engine: RoutingEngine,
  callerId: string,
  queue: string,
  seconds: number,
  extra: { tier?: string; skills?: string[]; preferredAgent?: { agentId: string; until: number } } = {},
): AcdDecision[] {
  return engine.callerEntered({ callerId, queue, tier: extra.tier ?? 'standard', ...extra }, at(seconds));
}

/** The offers among the decisions, as "caller>agent". */
export function offers(decisions: readonly AcdDecision[]): string[] {
  return decisions.flatMap((decision) =>
    decision.type === 'offer' ? [`${decision.callerId}>${decision.agentId}`] : [],
  );
}

export function types(decisions: readonly AcdDecision[]): string[] {
  return decisions.map((decision) => decision.type);
}

/** Answers the offer and records the disposition during the call, so no wrap-up is left after it. */
export function answer(engine: RoutingEngine, callerId: string, agentId: string, seconds: number): void {
  engine.offerAnswered(callerId, at(seconds));
  engine.dispositionRecorded(agentId, at(seconds));
}

/** Answers the offer at `from` and hangs up `talkSeconds` later; returns what the hang-up decided. */
export function talk(
  engine: RoutingEngine,
  callerId: string,
  agentId: string,
  from: number,
  talkSeconds: number,
): AcdDecision[] {
  answer(engine, callerId, agentId, from);
  return engine.callEnded(agentId, at(from + talkSeconds));
}
