import { newSid } from '../core/sid';
import { SimClock } from '../core/sim-clock';
import { DEFAULT_QUEUE_MAX_SIZE, SimQueue } from './sim-queue';

/** The account's queues; `<Enqueue>` creates one on demand by name. */
export class QueueRegistry {
  private readonly queues = new Map<string, SimQueue>();

  constructor(
    private readonly accountSid: string,
    private readonly clock: SimClock,
  ) {}

  create(friendlyName: string, maxSize = DEFAULT_QUEUE_MAX_SIZE): SimQueue {
    const queue = new SimQueue(newSid('QU'), friendlyName, maxSize, this.accountSid, this.clock);
    this.queues.set(queue.sid, queue);
    return queue;
  }

  byName(friendlyName: string): SimQueue | undefined {
    return this.list().find((q) => q.friendlyName === friendlyName);
  }

  obtain(friendlyName: string): SimQueue {
    return this.byName(friendlyName) ?? this.create(friendlyName);
  }

  get(sid: string): SimQueue | undefined {
    return this.queues.get(sid);
  }

  list(): SimQueue[] {
    return [...this.queues.values()];
  }
}
