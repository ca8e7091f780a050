import { CallerPlan } from './caller-plan';

/** A call as the stand-in saw it from the caller's side, times in the stand-in's simulated ms. */
export interface ObservedCall {
  sid: string;
  from: string;
  createdAt: number;
  endedAt?: number;
  endedBy?: string;
  digits: string[];
  queues: Array<{ queue: string; enteredAt: number; waitSeconds?: number; result?: string }>;
  talkedTo: Array<{ party: string; from: number; seconds?: number }>;
  /** The last steps of the call (what was said and played left out), to tell where a call got stuck. */
  lastSteps: string[];
}

const STEPS_KEPT = 6;
const HEARD = ['say', 'play', 'pause'];

/** The JSON of `GET /sim/calls` (a CallView with its dates as strings). */
interface CallViewJson {
  sid: string;
  from: string;
  createdAt: string;
  endedAt?: string;
  endedBy?: string;
  digits: string[];
  queues: Array<{ queue: string; enteredAt: string; waitSeconds?: number; result?: string }>;
  talkedTo: Array<{ party: string; from: string; seconds?: number }>;
  timeline: Array<{ type: string; status?: string; result?: string; peer?: string }>;
}

/**
 * The stand-in's own HTTP surface (`/sim`), from the simulator's side: place a caller with a plan,
 * read back what every call lived. Over HTTP so that the same simulator drives a stand-in in its
 * own process or in a running sandbox.
 */
export class StandInClient {
  constructor(readonly url: string) {}

  async placeCall(from: string, to: string, callerPlan: CallerPlan): Promise<string> {
    const response = await fetch(`${this.url}/sim/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to, callerPlan }),
    });
    if (response.status !== 201)
      throw new Error(`placing a call: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { sid: string }).sid;
  }

  async calls(): Promise<ObservedCall[]> {
    const response = await fetch(`${this.url}/sim/calls`);
    if (!response.ok) throw new Error(`reading the stand-in's calls: ${response.status}`);
    return ((await response.json()) as CallViewJson[]).map(observedCall);
  }
}

function observedCall(view: CallViewJson): ObservedCall {
  const ms = (date: string) => Date.parse(date);
  return {
    sid: view.sid,
    from: view.from,
    createdAt: ms(view.createdAt),
    endedAt: view.endedAt === undefined ? undefined : ms(view.endedAt),
    endedBy: view.endedBy,
    digits: view.digits,
    queues: view.queues.map((q) => ({ ...q, enteredAt: ms(q.enteredAt) })),
    talkedTo: view.talkedTo.map((t) => ({ party: t.party, from: ms(t.from), seconds: t.seconds })),
    lastSteps: view.timeline
      .filter((entry) => !HEARD.includes(entry.type))
      .slice(-STEPS_KEPT)
      .map((entry) => [entry.type, entry.status ?? entry.result ?? entry.peer].filter(Boolean).join(' ')),
  };
}
