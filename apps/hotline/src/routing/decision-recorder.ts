import { Injectable } from '@nestjs/common';
import { AnyNewCallEvent, CallLedger, CallPatch, CallRecord } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { RoutingFact, TimedFact } from './call-tracker';

const seconds = (ms: number) => Math.max(0, ms / 1000);

/** Writes what routing did to a call into the call's event log, each fact once. */
@Injectable()
export class DecisionRecorder {
  constructor(
    private readonly ledger: CallLedger,
    private readonly settings: Settings,
  ) {}

  /** Facts of one call are written in the order they happened; facts of different calls side by side. */
  private readonly pending = new Map<string, Promise<void>>();

  record(fact: TimedFact): Promise<void> {
    const previous = this.pending.get(fact.callSid) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(fact));
    this.pending.set(fact.callSid, next);
    const forget = () => {
      if (this.pending.get(fact.callSid) === next) this.pending.delete(fact.callSid);
    };
    next.then(forget, forget);
    return next;
  }

  private async write(fact: TimedFact): Promise<void> {
    const { at } = fact;
    const call = await this.ledger.find(fact.callSid);
    if (!call) return;
    for (const [event, patch] of this.eventsFor(fact, at, call)) {
      await this.ledger.record(fact.callSid, event, patch);
    }
  }

  private eventsFor(fact: RoutingFact, at: number, call: CallRecord): [AnyNewCallEvent, CallPatch?][] {
    const waitSeconds = seconds(at - (call.queuedAt ?? at));
    switch (fact.type) {
      case 'offered':
        return [
          [
            {
              type: 'queue.offered',
              at,
              key: `offered:${fact.agentId}:${at}`,
              data: { queue: fact.queue, agent: fact.agentId, ringSeconds: fact.ringSeconds },
            },
          ],
        ];
      case 'missed':
        return [
          [
            {
              type: 'queue.offer-missed',
              at,
              key: `missed:${fact.agentId}:${at}`,
              data: { queue: fact.queue, agent: fact.agentId, reason: fact.reason },
            },
          ],
        ];
      case 'answered':
        return [
          [
            {
              type: 'queue.answered',
              at,
              key: 'answered',
              data: { queue: fact.queue, agent: fact.agentId, waitSeconds },
            },
            { answeredAt: at, agent: fact.agentId, queue: fact.queue },
          ],
        ];
      case 'routed':
        return this.routedEvents(fact, at, waitSeconds, call);
      case 'wrapup-started':
        return [
          [
            {
              type: 'call.wrapup-started',
              at,
              key: 'wrapup-started',
              data: { agent: fact.agentId, talkSeconds: fact.talkSeconds, holdSeconds: fact.holdSeconds },
            },
          ],
        ];
      case 'wrapup-ended':
        return [
          [
            {
              type: 'call.wrapup-ended',
              at,
              key: 'wrapup-ended',
              data: { agent: fact.agentId, wrapSeconds: fact.wrapSeconds },
            },
          ],
        ];
    }
  }

  private routedEvents(
    fact: Extract<RoutingFact, { type: 'routed' }>,
    at: number,
    waitSeconds: number,
    call: CallRecord,
  ): [AnyNewCallEvent, CallPatch?][] {
    const { route, queue } = fact;
    const from = call.from;
    if (route.kind === 'queue') return this.reroutedEvents(queue, route.target, at, waitSeconds, call);
    if (route.kind === 'callback') {
      return [
        [
          {
            type: 'queue.callback-requested',
            at,
            key: 'queue-exit',
            data: { queue, number: from, waitSeconds },
          },
          { outcome: 'callback' },
        ],
      ];
    }
    return [
      [
        {
          type: 'queue.routed-elsewhere',
          at,
          key: 'queue-exit',
          data: { queue, route: 'voicemail', waitSeconds },
        },
        { outcome: 'routed-elsewhere' },
      ],
    ];
  }

  /** The caller leaves one queue for another, keeping their place: one stay ends, the next begins. */
  private reroutedEvents(
    queue: string,
    target: string,
    at: number,
    waitSeconds: number,
    call: CallRecord,
  ): [AnyNewCallEvent, CallPatch?][] {
    const headStartSeconds = this.settings.contactCenter.tiers.get(call.tier)?.headStartSeconds ?? 0;
    return [
      [
        {
          type: 'queue.routed-elsewhere',
          at,
          key: `rerouted:${queue}`,
          data: { queue, route: 'queue', target: target, waitSeconds },
        },
      ],
      [
        {
          type: 'queue.entered',
          at,
          key: `queue-entered:${target}`,
          data: { queue: target, tier: call.tier, reason: call.reason ?? 'rerouted', headStartSeconds },
        },
        { queue: target },
      ],
    ];
  }
}
