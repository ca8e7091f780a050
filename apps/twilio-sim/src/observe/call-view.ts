import { CallLeg } from '../calls/call-leg';
import { CallStatus, HangupCause, QueueResult, TimelineEntry } from '../calls/call-timeline';
import { DocumentMode } from '../twiml/twiml-schema';

export type Heard =
  | { kind: 'say'; text: string; voice?: string; language?: string; context: DocumentMode; at: Date }
  | { kind: 'play'; url: string; context: DocumentMode; at: Date };

export interface QueueStay {
  queue: string;
  queueSid: string;
  enteredAt: Date;
  waitSeconds?: number;
  result?: QueueResult;
}

export interface ConferenceStay {
  conference: string;
  conferenceSid: string;
  label?: string;
  joinedAt: Date;
  leftAt?: Date;
  reason?: string;
}

export interface Conversation {
  callSid: string;
  /** The other person's address: a number or `client:<identity>`. */
  party: string;
  via: 'dial' | 'conference';
  from: Date;
  seconds?: number;
}

/** What one call lived, from the caller's side: the stand-in's answer to "what happened?". */
export interface CallView {
  sid: string;
  from: string;
  to: string;
  direction: string;
  status: CallStatus;
  parentCallSid?: string;
  createdAt: Date;
  answeredAt?: Date;
  endedAt?: Date;
  durationSeconds: number;
  endedBy?: HangupCause;
  heard: Heard[];
  digits: string[];
  speech: string[];
  queues: QueueStay[];
  conferences: ConferenceStay[];
  talkedTo: Conversation[];
  recordings: Array<{ recordingSid: string; recordingUrl: string; seconds: number }>;
  errors: Array<{ code: number; message: string }>;
  timeline: TimelineEntry[];
}

export function callView(leg: CallLeg): CallView {
  const view: CallView = {
    sid: leg.sid,
    from: leg.from,
    to: leg.to,
    direction: leg.direction,
    status: leg.status,
    parentCallSid: leg.parentCallSid,
    createdAt: leg.createdAt,
    answeredAt: leg.answeredAt,
    endedAt: leg.endedAt,
    durationSeconds: leg.durationSeconds(),
    endedBy: leg.endedBy,
    heard: [],
    digits: [],
    speech: [],
    queues: [],
    conferences: [],
    talkedTo: [],
    recordings: [],
    errors: [],
    timeline: [...leg.timeline],
  };
  for (const entry of leg.timeline) summarize(view, entry);
  return view;
}

function summarize(view: CallView, e: TimelineEntry): void {
  switch (e.type) {
    case 'say':
      view.heard.push({
        kind: 'say',
        text: e.text,
        voice: e.voice,
        language: e.language,
        context: e.context,
        at: e.at,
      });
      break;
    case 'play':
      view.heard.push({ kind: 'play', url: e.url, context: e.context, at: e.at });
      break;
    case 'digits':
      view.digits.push(e.digits);
      break;
    case 'speech':
      view.speech.push(e.speech);
      break;
    case 'enqueued':
      view.queues.push({ queue: e.queue, queueSid: e.queueSid, enteredAt: e.at });
      break;
    case 'left-queue': {
      const stay = view.queues.find((q) => q.queueSid === e.queueSid && q.result === undefined);
      if (stay) Object.assign(stay, { waitSeconds: e.waitSeconds, result: e.result });
      else
        view.queues.push({
          queue: e.queue,
          queueSid: e.queueSid,
          enteredAt: e.at,
          waitSeconds: 0,
          result: e.result,
        });
      break;
    }
    case 'conference-joined':
      view.conferences.push({
        conference: e.conference,
        conferenceSid: e.conferenceSid,
        label: e.label,
        joinedAt: e.at,
      });
      break;
    case 'conference-left': {
      const stay = view.conferences.find((c) => c.conferenceSid === e.conferenceSid && !c.leftAt);
      if (stay) Object.assign(stay, { leftAt: e.at, reason: e.reason });
      break;
    }
    case 'connected':
      view.talkedTo.push({ callSid: e.peerCallSid, party: e.peer, via: e.via, from: e.at });
      break;
    case 'disconnected': {
      const talk = view.talkedTo.find((t) => t.callSid === e.peerCallSid && t.seconds === undefined);
      if (talk) talk.seconds = e.seconds;
      break;
    }
    case 'recorded':
      view.recordings.push({
        recordingSid: e.recordingSid,
        recordingUrl: e.recordingUrl,
        seconds: e.seconds,
      });
      break;
    case 'error':
      view.errors.push({ code: e.code, message: e.message });
      break;
  }
}
