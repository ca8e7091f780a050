import { Injectable } from '@nestjs/common';
import { CallOutcome } from '@hotline/contracts';
import { CallLedger, CallPatch, CallRecord } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { RecordQueueExit } from './record-queue-exit.use-case';
import { VoiceRequest } from '../twilio/twilio-request';

const FINAL_STATUSES = ['completed', 'busy', 'failed', 'no-answer', 'canceled'];

/** How a call that has just ended is accounted for, from what the ledger knows of it. */
export function outcomeAtEnd(call: CallRecord): CallOutcome {
  if (call.outcome !== 'in-progress') return call.outcome;
  if (call.answeredAt !== null) return 'answered';
  if (call.queuedAt !== null) return 'abandoned';
  return 'ivr-hangup';
}

/**
 * Applies a status callback. Callbacks are separate requests that may arrive out of order, so the
 * call's status follows the highest SequenceNumber; a final status closes the call with its
 * outcome once, however often Twilio retries.
 */
@Injectable()
export class ApplyCallStatus {
  constructor(
    private readonly ledger: CallLedger,
    private readonly queueExit: RecordQueueExit,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest): Promise<void> {
    const sequence = Number(request.form.SequenceNumber);
    if (!Number.isInteger(sequence) || sequence < 0) {
      throw new DomainError('TWILIO.BAD_REQUEST', 'SequenceNumber must be a whole number', 400);
    }
    const final = FINAL_STATUSES.includes(request.callStatus);
    const call = await this.ledger.find(request.callSid);
    // Twilio may report a call initiated or ringing before it asks the Voice URL what to do: there
    // is no call to attach it to yet, and later callbacks (higher SequenceNumber) supersede it.
    if (!call && !final) return;
    if (!call) throw new DomainError('CALL.NOT_FOUND', `No call ${request.callSid}`, 404);
    // Our own clock, not Twilio's Timestamp (whole seconds): every event of a call on one clock.
    const at = this.clock.now();
    const duration = request.form.CallDuration === undefined ? undefined : Number(request.form.CallDuration);
    const outcome = outcomeAtEnd(call);
    const patch: CallPatch = final ? { endedAt: call.endedAt ?? at, outcome } : {};
    const { newest } = await this.ledger.applyStatus(
      request.callSid,
      { status: request.callStatus, sequence, at, durationSeconds: duration },
      patch,
    );
    if (newest && final) {
      if (outcome === 'abandoned') await this.queueExit.recordAbandon(call, at);
      await this.ledger.record(request.callSid, {
        type: 'call.completed',
        at,
        key: 'completed',
        data: { durationSeconds: duration ?? Math.round((at - call.receivedAt) / 1000), outcome },
      });
    }
  }
}
