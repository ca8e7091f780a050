import {
  AGENT_STATES,
  type AgentEvent,
  type AgentStateCounts,
  type AgentView,
  type AnyCallEvent,
  type QueueView,
} from '@hotline/contracts';
import {
  LiveMetrics,
  type AgentPeriodFigures,
  type FlowFigures,
  type LiveFigures,
  type MetricsConfig,
  type PeriodFigures,
  type QueueWaitingFigures,
  type TimeRange,
} from '@hotline/metrics';
import type { AgentRecord } from '@hotline/persistence';
import type { QueueSettings } from '../config/contact-center.config';
import { CallerBoard } from './caller-board';

/** What an event changed: the tiles and agent rows to send again. */
export interface Touched {
  queues: string[];
  agents: string[];
}

/** Figures of one moment, computed once and read by every view built from it. */
export interface BoardReading {
  now: number;
  live: LiveFigures;
  today: PeriodFigures;
  agentsByQueue: ReadonlyMap<string, AgentStateCounts>;
}

function emptyCounts(): AgentStateCounts {
  return Object.fromEntries(AGENT_STATES.map((state) => [state, 0])) as AgentStateCounts;
}

const NO_WAITING: QueueWaitingFigures = {
  waiting: 0,
  longestWaitSeconds: null,
  vipWaiting: 0,
  longestVipWaitSeconds: null,
  tiers: {},
};

/**
 * The live state a supervisor watches: LiveMetrics for the figures, CallerBoard for individual
 * callers, and the agents' names and queues from their routing profiles. Fed one event at a time,
 * read as wire views (libs/contracts/src/monitor.ts).
 */
export class LiveBoard {
  private readonly metrics: LiveMetrics;
  private readonly callers: CallerBoard;
  private readonly profiles = new Map<string, AgentRecord>();
  private readonly lastEventAt = new Map<string, number>();
  private latestAt = 0;

  constructor(
    private readonly config: MetricsConfig,
    private readonly queueSettings: ReadonlyMap<string, QueueSettings>,
  ) {
    this.metrics = new LiveMetrics(config);
    this.callers = new CallerBoard(new Set(config.vipTiers));
  }

  applyCallEvent(event: AnyCallEvent): Touched {
    this.metrics.applyCallEvent(event);
    const queues = this.callers.apply(event);
    for (const queue of queues) this.lastEventAt.set(queue, event.at);
    this.latestAt = Math.max(this.latestAt, event.at);
    return { queues, agents: [] };
  }

  applyAgentEvent(event: AgentEvent): Touched {
    this.metrics.applyAgentEvent(event);
    this.latestAt = Math.max(this.latestAt, event.at);
    const queues = this.queuesOf(event.agentId);
    for (const queue of queues) this.lastEventAt.set(queue, event.at);
    return { queues, agents: [event.agentId] };
  }

  setAgents(agents: readonly AgentRecord[]): void {
    this.profiles.clear();
    for (const agent of agents) this.profiles.set(agent.id, agent);
  }

  knowsAgent(agentId: string): boolean {
    return this.profiles.has(agentId);
  }

  /** Figures are never read before an event already fed, whatever the clock says. */
  read(now: number, day: TimeRange): BoardReading {
    const at = Math.max(now, this.latestAt);
    const live = this.metrics.live(at);
    return { now: at, live, today: this.metrics.period(day, at), agentsByQueue: this.agentsByQueue(live) };
  }

  /** One agent's figures over the day, from the running counts (no history is read). */
  agentPeriod(agentId: string, day: TimeRange, now: number): AgentPeriodFigures | undefined {
    return this.metrics.period(day, Math.max(now, this.latestAt)).agents[agentId];
  }

  intervals(range: TimeRange, now: number): PeriodFigures[] {
    return this.metrics.intervals(range, Math.max(now, this.latestAt));
  }

  forgetBefore(at: number): void {
    this.metrics.forgetBefore(at);
  }

  queueNames(reading: BoardReading): string[] {
    return Object.keys(reading.live.queues);
  }

  agentIds(reading: BoardReading): string[] {
    return [...new Set([...Object.keys(reading.live.agents), ...this.profiles.keys()])].sort();
  }

  /** Agents by state in each queue they serve; agents never seen changing state are offline. */
  private agentsByQueue(live: LiveFigures): Map<string, AgentStateCounts> {
    const byQueue = new Map<string, AgentStateCounts>();
    const agents = new Set([...Object.keys(live.agents), ...this.profiles.keys()]);
    for (const agentId of agents) {
      const state = live.agents[agentId]?.state ?? 'offline';
      for (const queue of this.queuesOf(agentId)) {
        let counts = byQueue.get(queue);
        if (!counts) byQueue.set(queue, (counts = emptyCounts()));
        counts[state]++;
      }
    }
    return byQueue;
  }

  queueView(queue: string, reading: BoardReading): QueueView {
    const settings = this.queueSettings.get(queue);
    const waiting = reading.live.queues[queue] ?? NO_WAITING;
    const flow: FlowFigures | undefined = reading.today.queues[queue];
    const thresholdSeconds =
      settings?.serviceLevel.thresholdSeconds ?? this.config.defaults.serviceLevelThresholdSeconds;
    return {
      queue,
      at: reading.now,
      lastEventAt: this.lastEventAt.get(queue) ?? null,
      waiting: waiting.waiting,
      longestWaitSeconds: waiting.longestWaitSeconds,
      vipWaiting: waiting.vipWaiting,
      longestVipWaitSeconds: waiting.longestVipWaitSeconds,
      vipCallers: this.callers.vipCallersIn(queue, reading.now),
      today: {
        offered: flow?.offered ?? 0,
        answered: flow?.answered ?? 0,
        abandoned: flow?.abandoned ?? 0,
        shortAbandoned: flow?.shortAbandoned ?? 0,
        routedElsewhere: flow?.routedElsewhere ?? 0,
        callbacks: flow?.callbacks ?? 0,
        handled: flow?.handled ?? 0,
        serviceLevel: {
          formula: flow?.serviceLevel.formula ?? this.config.defaults.serviceLevelFormula,
          thresholdSeconds,
          target: settings?.serviceLevel.target ?? 0.8,
          value: flow?.serviceLevel.value ?? null,
        },
        asaSeconds: flow?.asaSeconds ?? null,
        ahtSeconds: flow?.ahtSeconds ?? null,
        abandonRate: flow?.abandonRate ?? null,
        abandonRateExcludingShort: flow?.abandonRateExcludingShort ?? null,
      },
      agents: { ...(reading.agentsByQueue.get(queue) ?? emptyCounts()) },
      thresholds: {
        serviceLevelBelow: settings?.alerts.serviceLevelBelow ?? settings?.serviceLevel.target ?? 0.8,
        longestWaitSeconds: settings?.alerts.longestWaitSeconds ?? 2 * thresholdSeconds,
      },
    };
  }

  agentView(agentId: string, reading: BoardReading): AgentView {
    const figures = reading.live.agents[agentId];
    return {
      agentId,
      name: this.profiles.get(agentId)?.displayName ?? agentId,
      state: figures?.state ?? 'offline',
      sinceAt: figures?.sinceAt ?? null,
      at: reading.now,
      timeInStateSeconds: figures?.timeInStateSeconds ?? null,
      queue: figures?.queue ?? null,
      callSid: figures?.callSid ?? null,
      callerTier: this.callers.tierOf(figures?.callSid ?? null),
    };
  }

  /** The queues an agent serves: those of their routing profile, or every queue without one. */
  queuesOf(agentId: string): string[] {
    const profile = this.profiles.get(agentId);
    return profile ? profile.queues.map((queue) => queue.queue) : [...this.queueSettings.keys()];
  }
}
