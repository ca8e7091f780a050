import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type {
  AgentEvent,
  AgentView,
  AlertCleared,
  AlertView,
  AnyCallEvent,
  MonitorAgentsResponse,
  MonitorDay,
  MonitorQueuesResponse,
  MonitorSnapshot,
  QueueView,
} from '@hotline/contracts';
import { QUARTER_HOUR_MS, quarterHourOf, type TimeRange, type AgentPeriodFigures } from '@hotline/metrics';
import {
  AgentDirectory,
  AgentLog,
  CallLedger,
  IntervalStatsStore,
  type IntervalStatRecord,
} from '@hotline/persistence';
import type { Logger } from 'pino';
import { Settings } from '../config/settings';
import { Clock } from '../shared/clock';
import { LOGGER } from '../shared/logger';
import { AlertBook } from './alert-book';
import { intervalRecordsOf } from './interval-records';
import { LiveBoard, type BoardReading, type Touched } from './live-board';
import { localDayOf } from './local-day';
import { contactCenterTimeZone, metricsConfigOf } from './monitor-settings';
import { UpdateThrottle } from './update-throttle';

/** Updates of one queue or agent go out at most this often (4 a second). */
export const UPDATE_INTERVAL_MS = 250;
/** Alerts that depend on time alone (a wait growing) and quarter-hour closes are checked this often. */
const TICK_MS = 1000;
/** How far back the state an agent was in at midnight is looked for. */
const AGENT_LOOKBACK_MS = 7 * 24 * 3600_000;
const END_OF_TIME = Number.MAX_SAFE_INTEGER;

export interface MonitorListener {
  queues(views: QueueView[]): void;
  agents(views: AgentView[]): void;
  alertsRaised(alerts: AlertView[]): void;
  alertsCleared(cleared: AlertCleared[]): void;
}

const callKey = (event: AnyCallEvent) => `${event.callSid}#${event.seq}`;
const agentKey = (event: AgentEvent) => `${event.agentId}#${event.seq}`;

/**
 * One LiveMetrics for the process, fed every durable call and agent event. At boot it replays
 * today's events (and the earlier events of calls still open) from the database, so figures
 * survive restarts. Changes go to listeners (the /monitor gateway) coalesced per queue and agent;
 * alerts are re-checked on every change and every second; each closed quarter hour is saved.
 */
@Injectable()
export class LiveMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly board: LiveBoard;
  private readonly alerts: AlertBook;
  private readonly timeZone: string;
  private readonly throttle = new UpdateThrottle(UPDATE_INTERVAL_MS, (keys) => this.publish(keys));
  private readonly listeners: MonitorListener[] = [];
  private readonly dirtyQuarters = new Set<number>();
  private day: MonitorDay;
  private ticker: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private replaying = true;
  private readonly backlog: Array<{ call: AnyCallEvent } | { agent: AgentEvent }> = [];
  private reloadingAgents: Promise<void> | null = null;

  constructor(
    settings: Settings,
    private readonly clock: Clock,
    private readonly ledger: CallLedger,
    private readonly agentLog: AgentLog,
    private readonly directory: AgentDirectory,
    private readonly store: IntervalStatsStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const { contactCenter } = settings;
    this.timeZone = contactCenterTimeZone(contactCenter);
    this.day = localDayOf(clock.now(), this.timeZone);
    this.board = new LiveBoard(metricsConfigOf(contactCenter), contactCenter.queues);
    this.alerts = new AlertBook(contactCenter, (agentId) => this.board.queuesOf(agentId));
    // The ledger calls listeners inside the write path of a webhook: a fault here must not fail it.
    ledger.onAppended((event) => this.guarded(() => this.onCallEvent(event)));
    agentLog.onAppended((event) => this.guarded(() => this.onAgentEvent(event)));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.board.setAgents(await this.directory.list());
    await this.replay();
    this.alerts.update(this.reading());
    await this.saveQuarters(this.clock.now(), false);
    this.ticker = setInterval(() => {
      this.ticking = this.ticking.then(() => this.tick()).catch((error: unknown) => this.fault(error));
    }, TICK_MS);
    this.ticker.unref();
  }

  /** Saves every quarter hour with new events, the open one included, before the database closes. */
  async onModuleDestroy(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.throttle.close();
    await this.ticking;
    await this.saveQuarters(this.clock.now(), true);
  }

  subscribe(listener: MonitorListener): void {
    this.listeners.push(listener);
  }

  today(): MonitorDay {
    return this.day;
  }

  /** An agent's figures for today so far: offers, missed offers, handled calls, AHT. */
  agentToday(agentId: string): AgentPeriodFigures | undefined {
    return this.board.agentPeriod(agentId, this.day, this.clock.now());
  }

  queueNames(): string[] {
    return this.board.queueNames(this.reading());
  }

  queueViews(queues: readonly string[]): QueueView[] {
    const reading = this.reading();
    return queues.map((queue) => this.board.queueView(queue, reading));
  }

  queuesReport(): MonitorQueuesResponse {
    const reading = this.reading();
    return {
      at: reading.now,
      day: this.day,
      queues: this.board.queueNames(reading).map((queue) => this.board.queueView(queue, reading)),
      alerts: this.alerts.list(),
    };
  }

  agentsReport(): MonitorAgentsResponse {
    const reading = this.reading();
    return {
      at: reading.now,
      agents: this.board.agentIds(reading).map((agentId) => this.board.agentView(agentId, reading)),
    };
  }

  activeAlerts(): AlertView[] {
    return this.alerts.list();
  }

  snapshot(following: readonly string[]): MonitorSnapshot {
    const reading = this.reading();
    const followed = new Set(following);
    return {
      at: reading.now,
      day: this.day,
      following: [...following],
      queues: following.map((queue) => this.board.queueView(queue, reading)),
      agents: this.board.agentIds(reading).map((agentId) => this.board.agentView(agentId, reading)),
      alerts: this.alerts
        .list()
        .filter((alert) => alert.queue === null || alert.agentId !== null || followed.has(alert.queue)),
    };
  }

  /** Interval records of today's quarter hours in the range, from the live figures. */
  todaysIntervals(range: TimeRange): IntervalStatRecord[] {
    const from = Math.max(range.from, this.day.from);
    const to = Math.min(range.to, quarterHourOf(this.clock.now()) + QUARTER_HOUR_MS);
    if (from >= to) return [];
    return this.board.intervals({ from, to }, this.clock.now()).flatMap(intervalRecordsOf);
  }

  private reading(): BoardReading {
    return this.board.read(this.clock.now(), this.day);
  }

  private onCallEvent(event: AnyCallEvent): void {
    if (this.replaying) {
      this.backlog.push({ call: event });
      return;
    }
    this.applyCall(event);
  }

  private onAgentEvent(event: AgentEvent): void {
    if (this.replaying) {
      this.backlog.push({ agent: event });
      return;
    }
    this.applyAgent(event);
  }

  private applyCall(event: AnyCallEvent): void {
    const quarter = quarterHourOf(event.at);
    if (quarter >= this.day.from) this.dirtyQuarters.add(quarter);
    this.touch(this.board.applyCallEvent(event));
  }

  private applyAgent(event: AgentEvent): void {
    if (!this.board.knowsAgent(event.agentId)) this.reloadAgents();
    this.touch(this.board.applyAgentEvent(event));
  }

  private touch(touched: Touched): void {
    if (this.replaying) return;
    this.throttle.mark([
      ...touched.queues.map((q) => `queue:${q}`),
      ...touched.agents.map((a) => `agent:${a}`),
    ]);
  }

  /** An agent not seen before: their name and queues come from the directory. */
  private reloadAgents(): void {
    this.reloadingAgents ??= this.directory
      .list()
      .then((agents) => {
        this.board.setAgents(agents);
        this.touch({ queues: [], agents: agents.map((agent) => agent.id) });
      })
      .catch((error: unknown) => this.fault(error))
      .finally(() => (this.reloadingAgents = null));
  }

  private async replay(): Promise<void> {
    const { from } = this.day;
    const openBefore = (await this.ledger.openCalls()).filter((call) => call.receivedAt < from);
    const earlier = (await Promise.all(openBefore.map((call) => this.ledger.events(call.callSid))))
      .flat()
      .filter((event) => event.at < from)
      .sort((a, b) => a.at - b.at || a.callSid.localeCompare(b.callSid) || a.seq - b.seq);
    const todays = await this.ledger.eventsBetween(from, END_OF_TIME);
    const agentsBefore = new Map<string, AgentEvent>();
    for (const event of [
      ...(await this.agentLog.latest()),
      ...(await this.agentLog.between(from - AGENT_LOOKBACK_MS, from)),
    ]) {
      const known = agentsBefore.get(event.agentId);
      if (event.at < from && (!known || event.seq > known.seq)) agentsBefore.set(event.agentId, event);
    }
    const agentEvents = [
      ...[...agentsBefore.values()].sort((a, b) => a.at - b.at),
      ...(await this.agentLog.between(from, END_OF_TIME)),
    ];
    const replayed = new Set<string>();
    for (const event of [...earlier, ...todays] as AnyCallEvent[]) {
      replayed.add(callKey(event));
      this.applyCall(event);
    }
    for (const event of agentEvents) {
      replayed.add(agentKey(event));
      this.board.applyAgentEvent(event);
    }
    this.replaying = false;
    for (const item of this.backlog.splice(0)) {
      if ('call' in item && !replayed.has(callKey(item.call))) this.applyCall(item.call);
      if ('agent' in item && !replayed.has(agentKey(item.agent))) this.applyAgent(item.agent);
    }
  }

  private publish(keys: string[]): void {
    const reading = this.reading();
    const queues = keys.filter((key) => key.startsWith('queue:')).map((key) => key.slice('queue:'.length));
    const agents = keys.filter((key) => key.startsWith('agent:')).map((key) => key.slice('agent:'.length));
    const queueViews = queues.map((queue) => this.board.queueView(queue, reading));
    const agentViews = agents.map((agentId) => this.board.agentView(agentId, reading));
    for (const listener of this.listeners) {
      if (queueViews.length > 0) listener.queues(queueViews);
      if (agentViews.length > 0) listener.agents(agentViews);
    }
    this.publishAlerts(reading);
  }

  private publishAlerts(reading: BoardReading): void {
    const { raised, cleared } = this.alerts.update(reading);
    for (const listener of this.listeners) {
      if (raised.length > 0) listener.alertsRaised(raised);
      if (cleared.length > 0) listener.alertsCleared(cleared);
    }
  }

  private async tick(): Promise<void> {
    const now = this.clock.now();
    const day = localDayOf(now, this.timeZone);
    if (day.from !== this.day.from) {
      await this.saveQuarters(now, false);
      this.board.forgetBefore(day.from);
      this.day = day;
      this.touch({ queues: this.queueNames(), agents: [] });
    }
    await this.saveQuarters(now, false);
    this.publishAlerts(this.reading());
  }

  /** Saves the quarter hours with new events; the open one only when asked (at shutdown). */
  private async saveQuarters(now: number, withOpen: boolean): Promise<void> {
    const quarters = [...this.dirtyQuarters]
      .filter((quarter) => withOpen || quarter + QUARTER_HOUR_MS <= now)
      .sort((a, b) => a - b);
    if (quarters.length === 0) return;
    for (const quarter of quarters) this.dirtyQuarters.delete(quarter);
    const records = quarters.flatMap((from) =>
      this.board.intervals({ from, to: from + QUARTER_HOUR_MS }, now).flatMap(intervalRecordsOf),
    );
    try {
      await this.store.save(records);
    } catch (error) {
      for (const quarter of quarters) this.dirtyQuarters.add(quarter);
      throw error;
    }
  }

  private guarded(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.fault(error);
    }
  }

  private fault(error: unknown): void {
    this.logger.error({ err: error }, 'monitor: could not process an event');
  }
}
