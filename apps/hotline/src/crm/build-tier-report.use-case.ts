import { Injectable } from '@nestjs/common';
import { AnyCallEvent, TierReportView } from '@hotline/contracts';
import { fcrFigures, periodFiguresFromLog } from '@hotline/metrics';
import { CallLedger } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { metricsConfigOf } from '../monitor/monitor-settings';
import { Clock } from '../shared/clock';
import { BuildFcrReport } from './build-fcr-report.use-case';
import { repeatRuleOf } from './repeat-rule';

/** A caller is in line well within this of arriving: their call's first events are read from this far back. */
const CALL_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * VIP service: per tier, service level, ASA and abandon rate of the period (libs/metrics, the same
 * figures as the wallboard) beside first-contact resolution.
 */
@Injectable()
export class BuildTierReport {
  constructor(
    private readonly ledger: CallLedger,
    private readonly fcr: BuildFcrReport,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {}

  async execute(range: { from: number; to: number }): Promise<TierReportView> {
    const now = this.clock.now();
    const events = await this.ledger.eventsBetween(range.from - CALL_LEAD_MS, range.to);
    const flow = periodFiguresFromLog(
      // The ledger stores each event with the payload of its type.
      { calls: events as AnyCallEvent[], agents: [] },
      range,
      now,
      metricsConfigOf(this.settings.contactCenter),
    );
    const fcr = await this.fcr.execute(range, 'tier');
    const tiers = new Set([
      ...this.settings.contactCenter.tiers.keys(),
      ...Object.keys(flow.tiers),
      ...Object.keys(fcr.groups),
    ]);
    const none = fcrFigures([], repeatRuleOf(this.settings), now);
    return {
      ...range,
      at: now,
      tiers: Object.fromEntries(
        [...tiers].sort().map((tier) => {
          const figures = flow.tiers[tier];
          return [
            tier,
            {
              offered: figures?.offered ?? 0,
              answered: figures?.answered ?? 0,
              abandoned: figures?.abandoned ?? 0,
              serviceLevel: figures?.serviceLevel.value ?? null,
              asaSeconds: figures?.asaSeconds ?? null,
              abandonRate: figures?.abandonRate ?? null,
              fcr: fcr.groups[tier] ?? none,
            },
          ];
        }),
      ),
    };
  }
}
