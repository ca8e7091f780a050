import { AcdConfig, QueueConfig, Route } from '@hotline/acd';
import { QueueRoute, QueueSettings } from '../config/contact-center.config';
import { Settings } from '../config/settings';

function route(queueRoute: QueueRoute): Route {
  return queueRoute.kind === 'queue'
    ? { kind: 'queue', target: queueRoute.target }
    : { kind: queueRoute.kind };
}

function queueConfig(queue: QueueSettings): QueueConfig {
  return {
    name: queue.name,
    skills: queue.skills,
    strategy: queue.strategy,
    ringSeconds: queue.ringSeconds,
    wrapUpSeconds: queue.wrapUpSeconds,
    missesBeforePause: queue.missesBeforePause,
    reofferAfterSeconds: queue.reofferAfterSeconds,
    overflow: queue.overflow,
    maxWaiting: queue.maxWaiting && {
      callers: queue.maxWaiting.callers,
      route: route(queue.maxWaiting.route),
    },
    maxWait: queue.maxWait && { seconds: queue.maxWait.seconds, route: route(queue.maxWait.route) },
    noAgents: queue.noAgents && {
      afterSeconds: queue.noAgents.afterSeconds,
      route: route(queue.noAgents.route),
    },
  };
}

/** The routing engine's view of the contact-center configuration. */
export function acdConfigFrom(settings: Settings): AcdConfig {
  return {
    queues: [...settings.contactCenter.queues.values()].map(queueConfig),
    tiers: [...settings.contactCenter.tiers.values()].map((tier) => ({
      name: tier.name,
      headStartSeconds: tier.headStartSeconds,
    })),
  };
}
