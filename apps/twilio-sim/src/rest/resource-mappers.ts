import { toRfc2822, toRfc2822OrNull } from '../core/rfc2822';
import { CallLeg } from '../calls/call-leg';
import { ConferenceRoom } from '../conferences/conference-room';
import { Participant } from '../conferences/participant';
import { QueueMember, SimQueue } from '../queues/sim-queue';

const API = '/2010-04-01/Accounts';

export function callUri(leg: CallLeg): string {
  return `${API}/${leg.accountSid}/Calls/${leg.sid}.json`;
}

/** The Call resource as Twilio returns it; `initiated` is internal to callbacks and shows as queued. */
export function callResource(leg: CallLeg) {
  const base = `${API}/${leg.accountSid}/Calls/${leg.sid}`;
  return {
    sid: leg.sid,
    date_created: toRfc2822(leg.createdAt),
    date_updated: toRfc2822(leg.updatedAt),
    parent_call_sid: leg.parentCallSid ?? null,
    account_sid: leg.accountSid,
    to: leg.to,
    to_formatted: formatted(leg.to),
    from: leg.from,
    from_formatted: formatted(leg.from),
    phone_number_sid: leg.phoneNumberSid ?? null,
    status: leg.status === 'initiated' ? 'queued' : leg.status,
    start_time: toRfc2822OrNull(leg.answeredAt),
    end_time: toRfc2822OrNull(leg.endedAt),
    duration: leg.isEnded ? String(leg.durationSeconds()) : null,
    price: null,
    price_unit: 'USD',
    direction: leg.direction,
    answered_by: null,
    api_version: '2010-04-01',
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri: `${base}.json`,
    subresource_uris: Object.fromEntries(
      ['notifications', 'recordings', 'payments', 'events', 'siprec', 'streams', 'transcriptions'].map(
        (name) => [name, `${base}/${name[0].toUpperCase()}${name.slice(1)}.json`],
      ),
    ),
  };
}

export function queueResource(queue: SimQueue) {
  return {
    sid: queue.sid,
    account_sid: queue.accountSid,
    friendly_name: queue.friendlyName,
    current_size: queue.size,
    max_size: queue.maxSize,
    average_wait_time: queue.averageWaitSeconds(),
    date_created: toRfc2822(queue.createdAt),
    date_updated: toRfc2822(queue.updatedAt),
    uri: `${API}/${queue.accountSid}/Queues/${queue.sid}.json`,
  };
}

export function memberResource(queue: SimQueue, member: QueueMember) {
  return {
    call_sid: member.leg.sid,
    queue_sid: queue.sid,
    date_enqueued: toRfc2822(member.enqueuedAt),
    position: queue.position(member),
    wait_time: queue.waitSeconds(member),
    uri: `${API}/${queue.accountSid}/Queues/${queue.sid}/Members/${member.leg.sid}.json`,
  };
}

export function conferenceResource(room: ConferenceRoom) {
  const base = `${API}/${room.accountSid}/Conferences/${room.sid}`;
  return {
    sid: room.sid,
    account_sid: room.accountSid,
    friendly_name: room.friendlyName,
    status: room.status,
    region: 'us1',
    api_version: '2010-04-01',
    date_created: toRfc2822(room.createdAt),
    date_updated: toRfc2822(room.updatedAt),
    reason_conference_ended: room.reasonEnded ?? null,
    call_sid_ending_conference: room.callSidEndingConference ?? null,
    uri: `${base}.json`,
    subresource_uris: { participants: `${base}/Participants.json`, recordings: `${base}/Recordings.json` },
  };
}

export function participantResource(room: ConferenceRoom, participant: Participant) {
  const s = participant.settings;
  return {
    account_sid: room.accountSid,
    call_sid: participant.callSid,
    conference_sid: room.sid,
    label: s.label ?? null,
    call_sid_to_coach: s.callSidToCoach ?? null,
    coaching: s.coaching,
    muted: s.muted,
    hold: s.hold,
    start_conference_on_enter: s.startConferenceOnEnter,
    end_conference_on_exit: s.endConferenceOnExit,
    status: participant.status,
    queue_time: null,
    date_created: toRfc2822(participant.createdAt),
    date_updated: toRfc2822(participant.updatedAt),
    uri: `${API}/${room.accountSid}/Conferences/${room.sid}/Participants/${participant.callSid}.json`,
  };
}

/** Twilio's list envelope; the stand-in serves every list on one page unless PageSize says otherwise. */
export function page<T>(key: string, items: T[], path: string, query: { PageSize?: string; Page?: string }) {
  const pageSize = Math.min(Math.max(Number(query.PageSize ?? 50) || 50, 1), 1000);
  const pageNumber = Math.max(Number(query.Page ?? 0) || 0, 0);
  const start = pageNumber * pageSize;
  const slice = items.slice(start, start + pageSize);
  const uriOf = (n: number) => `${path}?PageSize=${pageSize}&Page=${n}`;
  return {
    [key]: slice,
    uri: uriOf(pageNumber),
    first_page_uri: uriOf(0),
    next_page_uri: start + pageSize < items.length ? uriOf(pageNumber + 1) : null,
    previous_page_uri: pageNumber > 0 ? uriOf(pageNumber - 1) : null,
    page: pageNumber,
    page_size: pageSize,
    start,
    end: start + Math.max(slice.length - 1, 0),
  };
}

/** North American numbers read `(415) 867-5309`; others stay E.164. */
function formatted(address: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(address);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : address;
}
