export { LiveMetrics } from './live-metrics';
export { liveFiguresFromLog, periodFiguresFromLog, type EventLog } from './batch-metrics';
export {
  DEFAULT_METRICS_CONFIG,
  SERVICE_LEVEL_FORMULAS,
  type MetricsConfig,
  type QueueMetricsSettings,
  type ServiceLevelFormula,
} from './config';
export type {
  AgentLiveFigures,
  AgentPeriodFigures,
  CallFlowFigures,
  EstimatedWaitFigures,
  FlowFigures,
  LiveFigures,
  LiveOptions,
  PeriodFigures,
  QueueFlowFigures,
  QueueWaitingFigures,
  ServiceLevelFigure,
  TierWaitingFigures,
  WaitingFigures,
} from './figures';
export type { LoggedInState } from './tally';
export { QUARTER_HOUR_MS, quarterHourOf, quarterHoursIn, type TimeRange } from './quarter-hours';
export { serviceLevel, type ServiceLevelCounts } from './service-level';
export {
  announceWait,
  estimateWaitSeconds,
  type WaitAnnouncement,
  type WaitEstimateInput,
} from './estimated-wait';
export { callConservation, queueConservation, type ConservationCheck } from './conservation';
export {
  agentsForServiceLevel,
  erlangB,
  erlangC,
  erlangCStaffing,
  trafficErlangs,
  type ErlangInput,
  type StaffingFigures,
  type StaffingTarget,
} from './erlang';
export { csatScore, npsScore } from './survey-scores';
export { contactsFromLog, customerKeyOf, type FcrContact, type SurveyAnswers } from './fcr-contacts';
export {
  casesOf,
  classifyContacts,
  openCaseFor,
  reasonsMatch,
  type ClassifiedContact,
  type ContactCase,
  type RepeatRule,
} from './fcr-cases';
export { fcrFigures, fcrReport, UNKNOWN_GROUP, type FcrReport, type FcrReportOptions } from './fcr';
export { nextSurveyQuestion, readSurveyAnswer, surveyAnswerDigits, surveyQuestions } from './survey-flow';
