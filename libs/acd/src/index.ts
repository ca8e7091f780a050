export {
  AGENT_STRATEGIES,
  QUEUE_DEFAULTS,
  type AcdConfig,
  type AgentProfile,
  type AgentStrategy,
  type ProfileQueue,
  type QueueConfig,
  type Route,
  type TierConfig,
} from './acd-config';
export type {
  AcdDecision,
  AgentPausedDecision,
  CallerOverflowedDecision,
  OfferDecision,
  OfferExpiredDecision,
  OfferVia,
  OfferWithdrawnDecision,
  RouteDecision,
  RouteWhy,
  WrapUpEndedDecision,
  WrapUpStartedDecision,
} from './acd-decision';
export { AcdError, type AcdErrorCode } from './acd-error';
export {
  RoutingEngine,
  type AgentPresence,
  type AgentView,
  type CallerArrival,
  type CallerPosition,
  type MissReason,
  type QueueStatus,
} from './routing-engine';
