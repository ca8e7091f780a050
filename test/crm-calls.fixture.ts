import { CallLedger, CallRecord } from '@hotline/persistence';
import { TEST_ACCOUNT_SID } from './support/hotline-harness';

let serial = 0;

/** A fresh CallSid for a scripted call. */
export function nextCallSid(): string {
  serial += 1;
  return 'CA' + (0xc0000000 + serial).toString(16).padStart(32, '0');
}

export interface ScriptedContact {
  from: string;
  customerId?: string | null;
  tier?: string;
  language?: string;
  queue: string;
  reason: string;
  /** The agent's user id. */
  agent: string;
  /** When the call arrives; it is queued 30 s later and answered after `waitSeconds` more. */
  at: number;
  waitSeconds?: number;
}

/**
 * A call handled by an agent, written to the call log as the telephony and routing modules write
 * it: arrival, IVR route into a queue, and an agent answering (the ACD's `queue.answered`).
 */
export async function handledCall(ledger: CallLedger, script: ScriptedContact): Promise<string> {
  const callSid = nextCallSid();
  const tier = script.tier ?? 'standard';
  const language = script.language ?? 'en-US';
  const call: CallRecord = {
    callSid,
    accountSid: TEST_ACCOUNT_SID,
    direction: 'inbound',
    from: script.from,
    to: '+864000000000',
    customerId: script.customerId ?? null,
    language,
    tier,
    ivrPath: [],
    queue: null,
    reason: null,
    agent: null,
    status: 'in-progress',
    statusSeq: -1,
    outcome: 'in-progress',
    receivedAt: script.at,
    queuedAt: null,
    answeredAt: null,
    endedAt: null,
  };
  await ledger.open(call, {
    type: 'call.received',
    at: script.at,
    key: 'received',
    data: { from: script.from, to: call.to, customerId: call.customerId, tier, language },
  });
  const queuedAt = script.at + 30_000;
  await ledger.record(callSid, {
    type: 'ivr.routed',
    at: queuedAt,
    key: 'ivr.routed',
    data: { queue: script.queue, reason: script.reason },
  });
  await ledger.record(
    callSid,
    {
      type: 'queue.entered',
      at: queuedAt,
      key: 'queue-entered',
      data: { queue: script.queue, tier, reason: script.reason, headStartSeconds: 0 },
    },
    { queue: script.queue, reason: script.reason, queuedAt },
  );
  const waitSeconds = script.waitSeconds ?? 10;
  const answeredAt = queuedAt + waitSeconds * 1000;
  await ledger.record(
    callSid,
    {
      type: 'queue.answered',
      at: answeredAt,
      key: 'queue-answered',
      data: { queue: script.queue, agent: script.agent, waitSeconds },
    },
    { agent: script.agent, answeredAt, outcome: 'answered' },
  );
  return callSid;
}
