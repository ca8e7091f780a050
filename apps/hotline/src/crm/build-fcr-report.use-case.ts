import { Injectable } from '@nestjs/common';
import { FcrGrouping, FcrReportView } from '@hotline/contracts';
import { contactsFromLog, fcrReport, RepeatRule } from '@hotline/metrics';
import { CallLedger } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { intlLocalTime } from '../shared/local-time';
import { repeatRuleOf } from './repeat-rule';

/** A call is answered well within this of arriving: its first events are read from this far back. */
const CALL_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * First-contact resolution, repeat contacts and survey answers over a period, from the call log.
 * The log is read from W before the period (to know which contacts are repeats) to W after it, or
 * to now (to know which were repeated).
 */
@Injectable()
export class BuildFcrReport {
  private readonly rule: RepeatRule;
  private readonly timeZone: string;

  constructor(
    private readonly ledger: CallLedger,
    private readonly clock: Clock,
    settings: Settings,
  ) {
    this.rule = repeatRuleOf(settings);
    this.timeZone = settings.contactCenter.crm.fcr.timeZone;
  }

  async execute(range: { from: number; to: number }, groupBy: FcrGrouping | null): Promise<FcrReportView> {
    const now = this.clock.now();
    const events = await this.ledger.eventsBetween(
      range.from - this.rule.windowMs - CALL_LEAD_MS,
      Math.min(now + 1, range.to + this.rule.windowMs),
    );
    const report = fcrReport(contactsFromLog(events), {
      ...this.rule,
      range,
      now,
      groupBy: groupBy ?? undefined,
      dayOf: (at) => intlLocalTime(at, this.timeZone).isoDate,
    });
    return {
      ...range,
      at: now,
      windowSeconds: this.rule.windowMs / 1000,
      groupBy,
      overall: report.overall,
      groups: report.groups,
    };
  }
}
