import { SimClock } from '../core/sim-clock';
import { CallLeg } from '../calls/call-leg';

export const DEFAULT_QUEUE_MAX_SIZE = 1000;

export interface QueueMember {
  leg: CallLeg;
  enqueuedAt: Date;
}

/** A Twilio queue: strictly FIFO, bounded by maxSize. */
export class SimQueue {
  readonly createdAt: Date;
  updatedAt: Date;
  private readonly members: QueueMember[] = [];

  constructor(
    readonly sid: string,
    public friendlyName: string,
    public maxSize: number,
    readonly accountSid: string,
    private readonly clock: SimClock,
  ) {
    this.createdAt = clock.now();
    this.updatedAt = this.createdAt;
  }

  get size(): number {
    return this.members.length;
  }

  get isFull(): boolean {
    return this.members.length >= this.maxSize;
  }

  add(leg: CallLeg): QueueMember {
    const member = { leg, enqueuedAt: this.clock.now() };
    this.members.push(member);
    this.updatedAt = member.enqueuedAt;
    return member;
  }

  remove(leg: CallLeg): void {
    const index = this.members.findIndex((m) => m.leg === leg);
    if (index < 0) return;
    this.members.splice(index, 1);
    this.updatedAt = this.clock.now();
  }

  list(): QueueMember[] {
    return [...this.members];
  }

  /** `Front` names the member at the head of the line, as in Twilio's Members API. */
  find(callSidOrFront: string): QueueMember | undefined {
    return callSidOrFront === 'Front'
      ? this.members[0]
      : this.members.find((m) => m.leg.sid === callSidOrFront);
  }

  position(member: QueueMember): number {
    return this.members.indexOf(member) + 1;
  }

  waitSeconds(member: QueueMember): number {
    return Math.round(this.clock.secondsSince(member.enqueuedAt));
  }

  /** Average time the current members have waited, computed when asked, as Twilio does. */
  averageWaitSeconds(): number {
    if (this.members.length === 0) return 0;
    const total = this.members.reduce((sum, m) => sum + this.clock.secondsSince(m.enqueuedAt), 0);
    return Math.round(total / this.members.length);
  }
}
