import { QueueResult } from '../../calls/call-timeline';
import { SimQueue, QueueMember } from '../../queues/sim-queue';
import { TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement } from '../../twiml/twiml-element';
import { TWILIO_ERROR, TwilioFault } from '../../webhooks/sim-notification';
import { HttpMethod } from '../../webhooks/webhook-client';
import { CONTINUE, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';
import { runWaitLoop } from '../wait-loop';

const MAX_QUEUE_NAME = 64;

/**
 * `<Enqueue>`: puts the caller in a named FIFO queue (created on demand) and plays the waitUrl
 * loop. The caller leaves by `<Leave>` (QueueResult=leave), by a REST dequeue or redirect
 * (redirected: the action is requested at once, its TwiML ignored, and the call continues at the
 * new URL), by hanging up (hangup) or because the queue is full (queue-full).
 */
export class EnqueueVerb implements VerbExecutor {
  readonly verb = 'Enqueue';

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    const attributes = new TwimlAttributes(element, ctx.documentUrl);
    const name = element.text;
    if (!name || name.length > MAX_QUEUE_NAME) {
      throw new TwilioFault(TWILIO_ERROR.schemaValidation, `<Enqueue> needs a queue name of 1-64 characters`);
    }
    const action = attributes.url('action');
    const method = attributes.method('method');
    const waitUrl = attributes.url('waitUrl');
    const waitMethod = attributes.method('waitUrlMethod');
    const queue = ctx.services.queues.obtain(name);
    if (queue.isFull) return this.finish(ctx, queue, 'queue-full', 0, action, method);

    const member = queue.add(ctx.leg);
    ctx.leg.record({ type: 'enqueued', queue: name, queueSid: queue.sid });
    ctx.leg.markWaiting();
    const waitDocument = () =>
      waitUrl
        ? {
            kind: 'url' as const,
            url: waitUrl,
            method: waitMethod,
            purpose: 'queue-wait',
            params: () => waitParams(queue, member),
          }
        : undefined;
    let result: QueueResult;
    let interruption: unknown;
    try {
      result = await runWaitLoop(ctx.services, ctx.leg, waitDocument, 'queue-wait', ctx.signal);
    } catch (err) {
      if (ctx.leg.isEnded) result = 'hangup';
      else if (ctx.leg.hasPendingRedirect) result = 'redirected';
      else if (err instanceof TwilioFault) {
        ctx.services.runner.report(ctx.leg, err);
        result = 'error';
      } else throw err;
      interruption = err;
    }
    const waited = queue.waitSeconds(member);
    queue.remove(ctx.leg);
    const outcome = await this.finish(ctx, queue, result, waited, action, method);
    if (result === 'redirected') throw interruption;
    return outcome;
  }

  private async finish(
    ctx: VerbContext,
    queue: SimQueue,
    result: QueueResult,
    waitSeconds: number,
    action: string | undefined,
    method: HttpMethod,
  ): Promise<VerbOutcome> {
    ctx.leg.record({
      type: 'left-queue',
      queue: queue.friendlyName,
      queueSid: queue.sid,
      result,
      waitSeconds,
    });
    const params = { QueueResult: result, QueueSid: queue.sid, QueueTime: String(waitSeconds) };
    if (result === 'hangup' || result === 'redirected') {
      if (action) await ctx.services.runner.notify(ctx.leg, action, method, params, 'enqueue-action');
      return { kind: 'hangup' };
    }
    if (!action) return CONTINUE;
    return {
      kind: 'next',
      source: { kind: 'url', url: action, method, purpose: 'enqueue-action', params: () => params },
    };
  }
}

function waitParams(queue: SimQueue, member: QueueMember): Record<string, string> {
  return {
    QueuePosition: String(queue.position(member)),
    QueueSid: queue.sid,
    QueueTime: String(queue.waitSeconds(member)),
    AvgQueueTime: String(queue.averageWaitSeconds()),
    CurrentQueueSize: String(queue.size),
    MaxQueueSize: String(queue.maxSize),
  };
}
