import { Injectable } from '@nestjs/common';
import { AgentTodayView, AnyCallEvent } from '@hotline/contracts';
import { periodFiguresFromLog } from '@hotline/metrics';
import { CallLedger } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { BuildFcrReport } from '../crm/build-fcr-report.use-case';
import { localDayOf } from '../monitor/local-day';
import { contactCenterTimeZone, metricsConfigOf } from '../monitor/monitor-settings';
import { Clock } from '../shared/clock';

/** A call is answered well within this of arriving: its first events are read from this far back. */
const CALL_LEAD_MS = 24 * 60 * 60 * 1000;

/**
 * An agent's own figures for today, computed as the reports compute them: offers, missed offers,
 * handled calls and AHT from the call log (libs/metrics), provisional FCR from the CRM's FCR report.
 */
@Injectable()
export class ReadAgentToday {
  // The CRM keeps its report builder to itself; built here over the same ledger, clock and rules.
  private readonly fcrReport: BuildFcrReport;

  constructor(
    private readonly ledger: CallLedger,
    private readonly settings: Settings,
    private readonly clock: Clock,
  ) {
    this.fcrReport = new BuildFcrReport(ledger, clock, settings);
  }

  async execute(agentId: string): Promise<AgentTodayView> {
    const now = this.clock.now();
    const { contactCenter } = this.settings;
    const day = localDayOf(now, contactCenterTimeZone(contactCenter));
    const range = { from: day.from, to: day.to };
    const [events, fcr] = await Promise.all([
      this.ledger.eventsBetween(range.from - CALL_LEAD_MS, now + 1),
      this.fcrReport.execute(range, 'agent'),
    ]);
    const flow = periodFiguresFromLog(
      // The ledger stores each event with the payload of its type.
      { calls: events as AnyCallEvent[], agents: [] },
      range,
      now,
      metricsConfigOf(contactCenter),
    );
    const mine = flow.agents[agentId];
    const contacts = fcr.groups[agentId];
    return {
      ...range,
      at: now,
      offers: mine?.offers ?? 0,
      missedOffers: mine?.missedOffers ?? 0,
      handled: mine?.handled ?? 0,
      ahtSeconds: mine?.ahtSeconds ?? null,
      firstContacts: contacts?.firstContacts ?? 0,
      provisionalFcrResolved: contacts?.provisionalFcrResolved ?? 0,
      provisionalFcrRate: contacts?.provisionalFcrRate ?? null,
    };
  }
}
