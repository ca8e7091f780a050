import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AnyCallEvent } from '@hotline/contracts';
import { CallLedger } from '@hotline/persistence';
import type { Logger } from 'pino';
import { LOGGER } from '../shared/logger';
import { RoutingHost } from './routing-host';

/** Events after which a caller is no longer waiting for an agent. */
const CALLER_GONE: AnyCallEvent['type'][] = ['call.completed', 'queue.abandoned', 'queue.callback-requested'];

/**
 * Tells the routing engine what it learns from the call log: a caller who hung up, or booked a
 * call-back, leaves the line; a recorded disposition ends the agent's wrap-up early.
 */
@Injectable()
export class RoutingEventListener implements OnModuleInit {
  constructor(
    private readonly ledger: CallLedger,
    private readonly host: RoutingHost,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.ledger.onAppended((event) => {
      // The event is durable whatever routing makes of it; a refusal (e.g. an agent no longer
      // known) is logged, not thrown back at whoever recorded the event.
      this.heard(event).catch((error: unknown) =>
        this.logger.warn(
          { err: error, CallSid: event.callSid, type: event.type },
          'routing could not use an event',
        ),
      );
    });
  }

  private async heard(event: AnyCallEvent): Promise<void> {
    if (CALLER_GONE.includes(event.type)) await this.host.callerLeft(event.callSid);
    if (event.type === 'call.disposition') await this.host.dispositionRecorded(event.data.agent);
  }
}
