import { Injectable } from '@nestjs/common';
import { AgentQueue } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { DomainError } from '../shared/domain-error';
import { AgentProfileRequest } from './agent.dto';

/** Checks a routing profile against the configured queues and fills in its defaults. */
@Injectable()
export class AgentProfileFactory {
  constructor(private readonly settings: Settings) {}

  build(request: AgentProfileRequest): { skills: string[]; queues: AgentQueue[] } {
    const { queues } = this.settings.contactCenter;
    const unknown = request.queues.map((entry) => entry.queue).filter((name) => !queues.has(name));
    if (unknown.length > 0) {
      throw new DomainError('AGENT.UNKNOWN_QUEUE', `No queue named ${unknown.join(', ')}`, 400, {
        queues: unknown,
      });
    }
    const served = request.queues.map((entry) => ({
      queue: entry.queue,
      priority: entry.priority ?? 1,
      delaySeconds: entry.delaySeconds ?? 0,
      level: entry.level ?? 1,
    }));
    const skills = request.skills ?? [
      ...new Set(served.flatMap((entry) => queues.get(entry.queue)?.skills ?? [])),
    ];
    return { skills, queues: served };
  }
}
