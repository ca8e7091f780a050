import type { FcrFiguresView, FcrGrouping } from '@hotline/contracts';
import { classifyContacts, type ClassifiedContact, type RepeatRule } from './fcr-cases';
import type { FcrContact } from './fcr-contacts';
import type { TimeRange } from './quarter-hours';
import { ratio } from './ratio';
import { sortedRecord } from './sorted-record';
import { csatScore, npsScore } from './survey-scores';

/** The group of a contact whose dimension is not known (no agent, no reason…). */
export const UNKNOWN_GROUP = '(unknown)';

export interface FcrReportOptions extends RepeatRule {
  /** Contacts counted: those answered in the range. Others only tell which ones are repeats. */
  range: TimeRange;
  /** Windows that end after this are still open. */
  now: number;
  groupBy?: FcrGrouping;
  /** The calendar day of a time, e.g. '2026-03-10', in the time zone the report is read in. */
  dayOf?: (at: number) => string;
}

export interface FcrReport {
  overall: FcrFiguresView;
  groups: Record<string, FcrFiguresView>;
}

function groupOf(contact: FcrContact, grouping: FcrGrouping, dayOf: FcrReportOptions['dayOf']): string {
  if (grouping === 'day') {
    if (!dayOf) throw new Error('Grouping by day needs dayOf');
    return dayOf(contact.at);
  }
  return contact[grouping] ?? UNKNOWN_GROUP;
}

function definedAnswers<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((value): value is T => value !== undefined);
}

/** FCR, repeat and survey figures of some contacts, each already classified against all of its customer's. */
export function fcrFigures(
  classified: readonly ClassifiedContact[],
  rule: RepeatRule,
  now: number,
): FcrFiguresView {
  const first = classified.filter((entry) => !entry.repeat);
  const closed = first.filter((entry) => entry.contact.at + rule.windowMs <= now);
  const settled = (entry: ClassifiedContact) => entry.contact.resolved === true && !entry.repeated;
  const surveys = classified.map((entry) => entry.contact.survey);
  const saidResolved = definedAnswers(surveys.map((survey) => survey.resolved));
  const csat = definedAnswers(surveys.map((survey) => survey.csat));
  const nps = definedAnswers(surveys.map((survey) => survey.nps));
  const repeats = classified.filter((entry) => entry.repeat).length;
  const fcrResolved = closed.filter(settled).length;
  const provisional = first.filter(settled).length;
  return {
    contacts: classified.length,
    repeatContacts: repeats,
    repeatContactRate: ratio(repeats, classified.length),
    firstContacts: first.length,
    closedFirstContacts: closed.length,
    fcrResolved,
    fcrRate: ratio(fcrResolved, closed.length),
    provisionalFcrResolved: provisional,
    provisionalFcrRate: ratio(provisional, first.length),
    surveyAnswers: saidResolved.length,
    surveyResolved: saidResolved.filter((resolved) => resolved).length,
    customerReportedFcr: ratio(saidResolved.filter((resolved) => resolved).length, saidResolved.length),
    csatAnswers: csat.length,
    csat: csatScore(csat),
    npsAnswers: nps.length,
    nps: npsScore(nps),
  };
}

/**
 * First-contact resolution over a period (docs/metrics.md). Pass the contacts of the period and
 * those up to W before and after it (or simply up to `now`): whether a contact is a repeat, or
 * was repeated, depends on its neighbours outside the period.
 */
export function fcrReport(contacts: readonly FcrContact[], options: FcrReportOptions): FcrReport {
  const inRange = classifyContacts(contacts, options).filter(
    (entry) => entry.contact.at >= options.range.from && entry.contact.at < options.range.to,
  );
  const groups = new Map<string, ClassifiedContact[]>();
  const grouping = options.groupBy;
  if (grouping) {
    for (const entry of inRange) {
      const key = groupOf(entry.contact, grouping, options.dayOf);
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
  }
  return {
    overall: fcrFigures(inRange, options, options.now),
    groups: sortedRecord(groups.keys(), (key) => fcrFigures(groups.get(key) ?? [], options, options.now)),
  };
}
