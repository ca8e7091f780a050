import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { LiveMonitor } from './live-monitor';
import { MonitorGateway } from './monitor.gateway';

/**
 * The live figures as Prometheus gauges, read from the monitor at each scrape. A registry of its
 * own per application, so that several Hotlines in one process (tests) never share series.
 * Figures with nothing to divide by (no call yet) are left out rather than reported as 0.
 */
@Injectable()
export class PrometheusMetrics {
  readonly registry = new Registry();
  private readonly gauge = (name: string, help: string, labelNames: string[] = ['queue']) =>
    new Gauge({ name, help, labelNames, registers: [this.registry] });
  private readonly waiting = this.gauge('hotline_queue_waiting_callers', 'Callers waiting in the queue now');
  private readonly longestWait = this.gauge(
    'hotline_queue_longest_wait_seconds',
    'Wait of the longest-waiting caller now',
  );
  private readonly vipWaiting = this.gauge(
    'hotline_queue_vip_waiting_callers',
    'VIP callers waiting in the queue now',
  );
  private readonly serviceLevel = this.gauge(
    'hotline_queue_service_level_ratio',
    "Today's service level (0-1) by the queue's formula",
  );
  private readonly serviceLevelTarget = this.gauge(
    'hotline_queue_service_level_target_ratio',
    'The queue’s service-level goal (0-1)',
  );
  private readonly asa = this.gauge('hotline_queue_asa_seconds', "Today's average speed of answer");
  private readonly aht = this.gauge(
    'hotline_queue_aht_seconds',
    "Today's average handle time (talk + hold + wrap-up)",
  );
  private readonly abandonRate = this.gauge(
    'hotline_queue_abandon_ratio',
    "Today's abandoned / offered (0-1)",
  );
  private readonly offered = this.gauge('hotline_queue_offered_today', 'Callers who entered the queue today');
  private readonly answered = this.gauge('hotline_queue_answered_today', 'Callers answered today');
  private readonly abandoned = this.gauge(
    'hotline_queue_abandoned_today',
    'Callers who hung up waiting today',
  );
  private readonly agents = this.gauge('hotline_queue_agents', 'Agents serving the queue, by state', [
    'queue',
    'state',
  ]);
  private readonly alerts = this.gauge('hotline_alerts_active', 'Alerts raised now, by kind', ['kind']);
  private readonly clients = this.gauge('hotline_monitor_clients', 'Clients connected to /monitor', []);

  constructor(
    private readonly monitor: LiveMonitor,
    private readonly gateway: MonitorGateway,
  ) {}

  async render(): Promise<string> {
    this.registry.resetMetrics();
    const report = this.monitor.queuesReport();
    for (const view of report.queues) {
      const labels = { queue: view.queue };
      const set = (gauge: Gauge, value: number | null) => {
        if (value !== null) gauge.set(labels, value);
      };
      set(this.waiting, view.waiting);
      set(this.longestWait, view.longestWaitSeconds ?? 0);
      set(this.vipWaiting, view.vipWaiting);
      set(this.serviceLevel, view.today.serviceLevel.value);
      set(this.serviceLevelTarget, view.today.serviceLevel.target);
      set(this.asa, view.today.asaSeconds);
      set(this.aht, view.today.ahtSeconds);
      set(this.abandonRate, view.today.abandonRate);
      set(this.offered, view.today.offered);
      set(this.answered, view.today.answered);
      set(this.abandoned, view.today.abandoned);
      for (const [state, count] of Object.entries(view.agents)) this.agents.set({ ...labels, state }, count);
    }
    for (const alert of report.alerts) this.alerts.inc({ kind: alert.kind });
    this.clients.set(this.gateway.connectedClients());
    return this.registry.metrics();
  }
}
