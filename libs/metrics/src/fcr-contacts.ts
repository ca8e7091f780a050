import type { AnyCallEvent, CallEvent, CallEventPayloads } from '@hotline/contracts';

export type SurveyAnswers = CallEventPayloads['call.survey'];

/** A handled call (or callback): what first-contact resolution is computed from. */
export interface FcrContact {
  callSid: string;
  /** Who called: the customer's id when they are known, else the number they called from. */
  customer: string;
  customerId: string | null;
  /** When an agent answered. */
  at: number;
  queue: string | null;
  agent: string | null;
  tier: string | null;
  /** The agent's corrected reason, else the reason the IVR gave; null when neither is known. */
  reason: string | null;
  /** From the agent's disposition; null when none was recorded. */
  resolved: boolean | null;
  followUp: boolean;
  notes: string;
  /** The caller's survey answers, merged over the survey's steps. */
  survey: SurveyAnswers;
}

interface CallReading {
  callSid: string;
  customer: string;
  customerId: string | null;
  tier: string | null;
  reason: string | null;
  answered: { at: number; queue: string; agent: string } | null;
  disposition: CallEventPayloads['call.disposition'] | null;
  survey: SurveyAnswers;
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text.trim() === '' ? null : text;
}

/**
 * Who a call is from, for telling repeats: the customer's id when they are known, else their
 * number; an anonymous caller is nobody's repeat, so the call stands for the customer.
 */
export function customerKeyOf(customerId: string | null, from: string, callSid: string): string {
  return customerId ?? nonEmpty(from) ?? callSid;
}

function readCall(callSid: string, events: readonly AnyCallEvent[]): CallReading {
  const call: CallReading = {
    callSid,
    customer: callSid,
    customerId: null,
    tier: null,
    reason: null,
    answered: null,
    disposition: null,
    survey: {},
  };
  for (const event of events) {
    switch (event.type) {
      case 'call.received':
        call.customerId = event.data.customerId;
        call.customer = customerKeyOf(event.data.customerId, event.data.from, callSid);
        call.tier = event.data.tier;
        break;
      case 'ivr.routed':
        call.reason = nonEmpty(event.data.reason) ?? call.reason;
        break;
      case 'queue.entered':
        call.reason = nonEmpty(event.data.reason) ?? call.reason;
        call.tier = event.data.tier;
        break;
      case 'queue.answered':
        // The agent who took the call last is the one who handles it to the end.
        call.answered = { at: event.at, queue: event.data.queue, agent: event.data.agent };
        break;
      case 'call.disposition':
        call.disposition = event.data;
        break;
      case 'call.survey':
        call.survey = { ...call.survey, ...event.data };
        break;
    }
  }
  return call;
}

/**
 * The contacts in a log of call events: one per call an agent answered. Each call's events are
 * read in `seq` order; calls may interleave in any way. Events are read as stored, each with the
 * payload of its type.
 */
export function contactsFromLog(events: readonly CallEvent[]): FcrContact[] {
  const byCall = new Map<string, AnyCallEvent[]>();
  for (const event of events as readonly AnyCallEvent[]) {
    const own = byCall.get(event.callSid);
    if (own) own.push(event);
    else byCall.set(event.callSid, [event]);
  }
  const contacts: FcrContact[] = [];
  for (const [callSid, own] of byCall) {
    const call = readCall(
      callSid,
      own.sort((a, b) => a.seq - b.seq),
    );
    if (call.answered === null) continue;
    contacts.push({
      callSid,
      customer: call.customer,
      customerId: call.customerId,
      at: call.answered.at,
      queue: call.answered.queue,
      agent: call.answered.agent,
      tier: call.tier,
      reason: nonEmpty(call.disposition?.reason) ?? call.reason,
      resolved: call.disposition?.resolved ?? null,
      followUp: call.disposition?.followUp ?? false,
      notes: call.disposition?.notes ?? '',
      survey: call.survey,
    });
  }
  return contacts.sort((a, b) => a.at - b.at || a.callSid.localeCompare(b.callSid));
}
