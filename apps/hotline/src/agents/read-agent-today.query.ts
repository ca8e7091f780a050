import { Injectable } from '@nestjs/common';
import { AgentTodayView, FcrReportView } from '@hotline/contracts';
import { CallLedger } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { BuildFcrReport } from '../crm/build-fcr-report.use-case';
import { LiveMonitor } from '../monitor/live-monitor';
import { Clock } from '../shared/clock';

/**
 * Every agent's desktop asks once a minute, and the FCR report reads the log over the repeat
 * window: one report, grouped by agent, serves every desktop for this long.
 */
const FCR_REPORT_FOR_MS = 60 * 1000;

/**
 * An agent's own figures for today, as the reports compute them: offers, missed offers, handled
 * calls and AHT from the monitor's running counts, provisional FCR from the CRM's FCR report.
 */
@Injectable()
export class ReadAgentToday {
  // The CRM keeps its report builder to itself; built here over the same ledger, clock and rules.
  private readonly fcrReport: BuildFcrReport;
  private shared: { report: Promise<FcrReportView>; until: number; day: number } | undefined;

  constructor(
    ledger: CallLedger,
    settings: Settings,
    private readonly monitor: LiveMonitor,
    private readonly clock: Clock,
  ) {
    this.fcrReport = new BuildFcrReport(ledger, clock, settings);
  }

  async execute(agentId: string): Promise<AgentTodayView> {
    const now = this.clock.now();
    const day = this.monitor.today();
    const range = { from: day.from, to: day.to };
    const mine = this.monitor.agentToday(agentId);
    const contacts = (await this.fcrByAgent(range, now)).groups[agentId];
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

  private fcrByAgent(range: { from: number; to: number }, now: number): Promise<FcrReportView> {
    if (!this.shared || now >= this.shared.until || this.shared.day !== range.from) {
      const report = this.fcrReport.execute(range, 'agent');
      this.shared = { report, until: now + FCR_REPORT_FOR_MS, day: range.from };
      report.catch(() => (this.shared = undefined));
    }
    return this.shared.report;
  }
}
