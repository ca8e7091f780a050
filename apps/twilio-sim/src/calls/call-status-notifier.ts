import { toRfc2822 } from '../core/rfc2822';
import { SimClock } from '../core/sim-clock';
import { NotificationLog, TwilioFault } from '../webhooks/sim-notification';
import { WebhookClient } from '../webhooks/webhook-client';
import { CallLeg, StatusCallbackEvent } from './call-leg';
import { callParams } from './call-params';
import { CallStatus } from './call-timeline';

function eventOf(status: CallStatus): StatusCallbackEvent | undefined {
  switch (status) {
    case 'initiated':
    case 'ringing':
      return status;
    case 'in-progress':
      return 'answered';
    case 'queued':
      return undefined;
    default:
      return 'completed';
  }
}

/**
 * Call progress events to a leg's statusCallback, for the events it asked for. Each is its own
 * signed request carrying SequenceNumber (from 0 per call); a failed callback is reported in the
 * debugger and does not affect the call.
 */
export class CallStatusNotifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly webhooks: WebhookClient,
    private readonly clock: SimClock,
    private readonly notifications: NotificationLog,
  ) {}

  watch(leg: CallLeg): void {
    let sequence = 0;
    let chain = Promise.resolve();
    leg.on('status', (status) => {
      const config = leg.statusCallback;
      const event = eventOf(status);
      if (!config || !event || !config.events.has(event)) return;
      const params: Record<string, string> = {
        ...callParams(leg),
        CallbackSource: 'call-progress-events',
        Timestamp: toRfc2822(this.clock.now()),
        SequenceNumber: String(sequence++),
      };
      if (event === 'completed') {
        params.CallDuration = String(leg.durationSeconds());
        params.Duration = String(Math.ceil(leg.durationSeconds() / 60));
      }
      const request = {
        url: config.url,
        method: config.method,
        params,
        purpose: 'status-callback',
        callSid: leg.sid,
      };
      chain = chain.then(() =>
        this.webhooks.send(request).then(
          () => undefined,
          (err) => this.report(leg, err),
        ),
      );
      this.track(chain);
    });
  }

  /** Resolves when every callback sent so far has been answered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  private report(leg: CallLeg, err: unknown): void {
    const fault = err instanceof TwilioFault ? err : undefined;
    this.notifications.add({
      code: fault?.code ?? 11200,
      message: err instanceof Error ? err.message : String(err),
      level: 'warning',
      at: this.clock.now(),
      callSid: leg.sid,
      url: fault?.url,
    });
  }
}
