import { Injectable } from '@nestjs/common';
import { DispositionView } from '@hotline/contracts';
import { CallLedger } from '@hotline/persistence';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';

const MAX_REASON = 64;
const MAX_NOTES = 2000;
const DISPOSITION_FIELDS = ['resolved', 'reason', 'notes', 'followUp'];

interface DispositionInput {
  resolved: boolean;
  reason?: string;
  notes: string;
  followUp: boolean;
}

function readInput(body: unknown): DispositionInput {
  const input = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<
    string,
    unknown
  >;
  const problems: string[] = [];
  for (const name of Object.keys(input)) {
    if (!DISPOSITION_FIELDS.includes(name)) problems.push(`${name}: is not a disposition field`);
  }
  if (typeof input.resolved !== 'boolean') problems.push('resolved: must be true or false');
  const reason = input.reason;
  if (reason !== undefined && (typeof reason !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(reason))) {
    problems.push(`reason: must be 1 to ${MAX_REASON} lower-case letters, digits, - or _`);
  }
  if (input.notes !== undefined && (typeof input.notes !== 'string' || input.notes.length > MAX_NOTES)) {
    problems.push(`notes: must be text of at most ${MAX_NOTES} characters`);
  }
  if (input.followUp !== undefined && typeof input.followUp !== 'boolean') {
    problems.push('followUp: must be true or false');
  }
  if (problems.length > 0) {
    throw new DomainError('DISPOSITION.INVALID', problems.join('; '), 400, { problems });
  }
  return {
    resolved: input.resolved as boolean,
    reason: reason as string | undefined,
    notes: (input.notes as string | undefined) ?? '',
    followUp: (input.followUp as boolean | undefined) ?? false,
  };
}

/**
 * The agent who handled a call says how it ended: resolved or not, the reason (correcting the
 * IVR's), notes and whether a follow-up is needed. Only the call's own agent may, and only once;
 * it is recorded as `call.disposition`, which also ends the agent's wrap-up early.
 */
@Injectable()
export class RecordDisposition {
  constructor(
    private readonly ledger: CallLedger,
    private readonly clock: Clock,
  ) {}

  async execute(callSid: string, agentId: string, body: unknown): Promise<DispositionView> {
    const input = readInput(body);
    const call = await this.ledger.find(callSid);
    if (!call) throw new DomainError('CALL.NOT_FOUND', `No call ${callSid}`, 404);
    if (call.agent !== agentId) {
      throw new DomainError(
        'DISPOSITION.NOT_YOUR_CALL',
        'Only the agent who handled the call may dispose it',
        403,
      );
    }
    const at = this.clock.now();
    const reason = input.reason ?? call.reason ?? '';
    const data = {
      agent: agentId,
      resolved: input.resolved,
      reason,
      notes: input.notes,
      followUp: input.followUp,
    };
    const recorded = await this.ledger.record(
      callSid,
      { type: 'call.disposition', at, key: 'disposition', data },
      input.reason === undefined ? undefined : { reason: input.reason },
    );
    if (!recorded) {
      throw new DomainError('DISPOSITION.ALREADY_RECORDED', `Call ${callSid} already has a disposition`, 409);
    }
    return { callSid, ...data, at };
  }
}
