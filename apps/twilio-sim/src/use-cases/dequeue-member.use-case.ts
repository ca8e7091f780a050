import { urlSource } from '../calls/document-source';
import { TwilioRestError } from '../core/twilio-rest-error';
import { QueueMember, SimQueue } from '../queues/sim-queue';
import { HttpMethod } from '../webhooks/webhook-client';

/**
 * `POST Queues/{sid}/Members/{CallSid|Front}.json`: takes that caller out of the line; their
 * Enqueue action is requested with QueueResult=redirected and the call continues at `url`.
 */
export class DequeueMember {
  execute(queue: SimQueue, member: QueueMember, url: string, method: HttpMethod): void {
    if (!member.leg.redirect(urlSource(url, method, 'dequeue'))) throw TwilioRestError.notInProgress();
    queue.remove(member.leg);
  }
}
