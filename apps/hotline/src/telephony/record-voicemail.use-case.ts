import { Injectable } from '@nestjs/common';
import { CallLedger } from '@hotline/persistence';
import { TwimlRenderer } from '@hotline/telephony';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { VoiceRequest } from '../twilio/twilio-request';

/** The caller left a voicemail (Record action): keep where the recording is, then say goodbye. */
@Injectable()
export class RecordVoicemail {
  constructor(
    private readonly twiml: TwimlRenderer,
    private readonly ledger: CallLedger,
    private readonly clock: Clock,
  ) {}

  async execute(request: VoiceRequest): Promise<string> {
    const recordingUrl = request.form.RecordingUrl;
    if (!recordingUrl) throw new DomainError('TWILIO.BAD_REQUEST', 'RecordingUrl is required', 400);
    if (!(await this.ledger.find(request.callSid))) {
      throw new DomainError('CALL.NOT_FOUND', `No call ${request.callSid}`, 404);
    }
    await this.ledger.record(
      request.callSid,
      {
        type: 'call.voicemail',
        at: this.clock.now(),
        key: 'voicemail',
        data: { recordingUrl, durationSeconds: Number(request.form.RecordingDuration ?? 0) || 0 },
      },
      { outcome: 'routed-elsewhere' },
    );
    return this.twiml.messageHangup([]);
  }
}
