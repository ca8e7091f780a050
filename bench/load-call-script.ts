/**
 * What Twilio sends Hotline for one inbound call in the benchmark's mix, and how many call_events
 * rows each request must leave behind once it is answered.
 *
 * The caller picks a language, picks a queue, waits through four hold rounds (Twilio's place in
 * line moves 3, 3, 2, 1), hangs up in the queue; status callbacks report ringing, in-progress and
 * completed. As with Twilio, the IVR, wait and exit URLs are not known in advance: each comes from
 * the TwiML of an earlier answer (Gather action, Enqueue waitUrl and action).
 */

/** Where a request goes: a URL set on the phone number, or one named in an earlier TwiML answer. */
export type Target = { path: string } | { link: keyof TwimlLinks };

export interface CallRequest {
  target: Target;
  params: Record<string, string>;
  /** Rows this request appends to call_events when it is answered. */
  events: number;
  status: 200 | 204;
  /** A URL the answer must name for the call to go on (each Gather action is used once). */
  names?: keyof TwimlLinks;
}

/** The URLs (path and query under the public base URL) the latest TwiML answers pointed Twilio to. */
export interface TwimlLinks {
  gatherAction?: string;
  enqueueWait?: string;
  enqueueAction?: string;
}

const LINK_PATTERNS: Record<keyof TwimlLinks, RegExp> = {
  gatherAction: /<Gather\b[^>]*\saction="([^"]*)"/,
  enqueueWait: /<Enqueue\b[^>]*\swaitUrl="([^"]*)"/,
  enqueueAction: /<Enqueue\b[^>]*\saction="([^"]*)"/,
};

/** Records the URLs a TwiML answer names; only URLs under our public base URL can be followed. */
export function followLinks(links: TwimlLinks, twiml: string, publicBaseUrl: string): void {
  for (const name of Object.keys(LINK_PATTERNS) as (keyof TwimlLinks)[]) {
    const match = LINK_PATTERNS[name].exec(twiml);
    if (!match) continue;
    const url = match[1].replace(/&amp;/g, '&');
    if (url.startsWith(publicBaseUrl)) links[name] = url.slice(publicBaseUrl.length);
  }
}

/** A call's 32 hex digits: the step's prefix, then the call's number in the step. */
export function callSidOf(prefix: string, index: number): string {
  return 'CA' + prefix + index.toString(16).padStart(32 - prefix.length, '0');
}

const LANGUAGE_DIGITS = ['1', '2'];
/** Main-menu choices that go straight to a queue: billing, sales, general. */
const QUEUE_DIGITS = ['1', '3', '0'];
const TIMESTAMP = 'Wed, 18 Nov 2026 02:00:00 +0000';

/** The parameters Twilio puts on every voice request of an inbound call from mainland China. */
function voiceParams(callSid: string, accountSid: string, index: number): Record<string, string> {
  const from = '+86138' + (index % 100_000_000).toString().padStart(8, '0');
  const to = '+864008001234';
  return {
    AccountSid: accountSid,
    ApiVersion: '2010-04-01',
    CallSid: callSid,
    CallStatus: 'in-progress',
    Called: to,
    CalledCity: '',
    CalledCountry: 'CN',
    CalledState: '',
    CalledZip: '',
    Caller: from,
    CallerCity: '',
    CallerCountry: 'CN',
    CallerState: '',
    CallerZip: '',
    Direction: 'inbound',
    From: from,
    FromCity: '',
    FromCountry: 'CN',
    FromState: '',
    FromZip: '',
    To: to,
    ToCity: '',
    ToCountry: 'CN',
    ToState: '',
    ToZip: '',
  };
}

export function callScript(callSid: string, accountSid: string, index: number): CallRequest[] {
  const base = voiceParams(callSid, accountSid, index);
  const queueSid = 'QU' + callSid.slice(2);
  const status = (sequence: number, callStatus: string, extra: Record<string, string> = {}) => ({
    ...base,
    CallStatus: callStatus,
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(sequence),
    Timestamp: TIMESTAMP,
    ...extra,
  });
  const gather = (digits: string) => ({ ...base, Digits: digits, FinishedOnKey: '', msg: 'Gather End' });
  const wait = (position: number, seconds: number) => ({
    ...base,
    QueuePosition: String(position),
    QueueSid: queueSid,
    QueueTime: String(seconds),
    AvgQueueTime: '35',
    CurrentQueueSize: String(position + 2),
    MaxQueueSize: '1000',
  });
  return [
    // call.received
    {
      target: { path: '/twilio/voice' },
      params: { ...base, CallStatus: 'ringing' },
      events: 1,
      status: 200,
      names: 'gatherAction',
    },
    { target: { path: '/twilio/status' }, params: status(0, 'ringing'), events: 1, status: 204 },
    { target: { path: '/twilio/status' }, params: status(1, 'in-progress'), events: 1, status: 204 },
    // ivr.step (language menu)
    {
      target: { link: 'gatherAction' },
      params: gather(LANGUAGE_DIGITS[index % 2]),
      events: 1,
      status: 200,
      names: 'gatherAction',
    },
    // ivr.step, ivr.routed, queue.entered
    {
      target: { link: 'gatherAction' },
      params: gather(QUEUE_DIGITS[index % 3]),
      events: 3,
      status: 200,
      names: 'enqueueWait',
    },
    // queue.announced: a caller hears their place at most once per announceEverySeconds (30 s by
    // default), and the four rounds of a benchmark call come within half a second
    { target: { link: 'enqueueWait' }, params: wait(3, 0), events: 1, status: 200 },
    { target: { link: 'enqueueWait' }, params: wait(3, 16), events: 0, status: 200 },
    { target: { link: 'enqueueWait' }, params: wait(2, 32), events: 0, status: 200 },
    { target: { link: 'enqueueWait' }, params: wait(1, 48), events: 0, status: 200 },
    // queue.left, queue.abandoned
    {
      target: { link: 'enqueueAction' },
      params: { ...base, QueueResult: 'hangup', QueueSid: queueSid, QueueTime: '55' },
      events: 2,
      status: 200,
    },
    // call.status, call.completed
    {
      target: { path: '/twilio/status' },
      params: status(2, 'completed', { CallDuration: '70' }),
      events: 2,
      status: 204,
    },
  ];
}

/** Requests per call in the mix: the target rate divided by this is the rate of new calls. */
export const REQUESTS_PER_CALL = callScript(callSidOf('0', 0), 'AC' + '0'.repeat(32), 0).length;
