/**
 * Wire types of the CRM REST API (`/api/customers`, `/api/calls/:callSid/…`, `/api/reports/…`):
 * what the console and integrators send and receive. Times are ms since the epoch; every ratio is
 * a fraction from 0 to 1, null when there is nothing to divide by.
 */

export interface CustomerView {
  id: string;
  /** E.164. */
  phone: string;
  name: string;
  language: string;
  /** The tier the customer is served in: `tierOverride` when set, else `computedTier`. */
  tier: string;
  /** The tier their value earns under the `minValue` thresholds of tiers.yaml. */
  computedTier: string;
  tierOverride: string | null;
  /** A whole number (e.g. yearly spend) the tier thresholds apply to; null when unknown. */
  value: number | null;
  notes: string;
  createdAt: number;
  updatedAt: number;
}

export interface CustomerPage {
  items: CustomerView[];
  /** Customers matching the search, across all pages. */
  total: number;
}

export const CUSTOMER_IMPORT_MODES = ['all-or-nothing', 'good-rows'] as const;
export type CustomerImportMode = (typeof CUSTOMER_IMPORT_MODES)[number];

/** A row of an import that was not applied, by its line in the file (the header is line 1). */
export interface CustomerImportProblem {
  line: number;
  reason: string;
}

export interface CustomerImportReport {
  mode: CustomerImportMode;
  /** Rows read, header excluded. */
  rows: number;
  created: number;
  updated: number;
  rejected: CustomerImportProblem[];
}

export interface DispositionView {
  callSid: string;
  agent: string;
  resolved: boolean;
  reason: string;
  notes: string;
  followUp: boolean;
  at: number;
}

/** One earlier contact of the caller, as the screen pop shows it. */
export interface ContactSummary {
  callSid: string;
  at: number;
  queue: string | null;
  agent: string | null;
  reason: string | null;
  /** From the agent's disposition; null when none was recorded. */
  resolved: boolean | null;
  followUp: boolean;
  notes: string;
}

export interface OpenCaseView {
  reason: string | null;
  /** The agent of the case's first contact. */
  owner: string | null;
  openedAt: number;
  lastContactAt: number;
  contacts: number;
}

/** The screen pop: who is calling and what happened before. */
export interface CallerProfileView {
  callSid: string;
  customerId: string | null;
  name: string | null;
  tier: string;
  language: string;
  reason: string | null;
  lastContacts: ContactSummary[];
  openCase: OpenCaseView | null;
}

export const FCR_GROUPINGS = ['queue', 'agent', 'reason', 'tier', 'day'] as const;
export type FcrGrouping = (typeof FCR_GROUPINGS)[number];

export interface FcrFiguresView {
  contacts: number;
  repeatContacts: number;
  repeatContactRate: number | null;
  firstContacts: number;
  /** First contacts whose repeat window has closed: the denominator of the final FCR rate. */
  closedFirstContacts: number;
  fcrResolved: number;
  fcrRate: number | null;
  /** First contacts resolved and not (yet) repeated, over all first contacts so far. */
  provisionalFcrResolved: number;
  provisionalFcrRate: number | null;
  surveyAnswers: number;
  surveyResolved: number;
  customerReportedFcr: number | null;
  csatAnswers: number;
  csat: number | null;
  npsAnswers: number;
  nps: number | null;
}

export interface FcrReportView {
  from: number;
  to: number;
  /** When the report was computed: windows ending after this are still open. */
  at: number;
  windowSeconds: number;
  groupBy: FcrGrouping | null;
  overall: FcrFiguresView;
  groups: Record<string, FcrFiguresView>;
}

/** Service per tier over a period: SL, ASA and abandon rate from the call flow, FCR from contacts. */
export interface TierServiceView {
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  fcr: FcrFiguresView;
}

export interface TierReportView {
  from: number;
  to: number;
  at: number;
  tiers: Record<string, TierServiceView>;
}

/** The questions of the post-call survey, in the order they are asked. */
export const SURVEY_QUESTIONS = ['csat', 'resolved', 'nps'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
