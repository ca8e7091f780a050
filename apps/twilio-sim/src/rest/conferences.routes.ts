import { FastifyInstance } from 'fastify';
import { TwilioRestError } from '../core/twilio-rest-error';
import { ConferenceCallbackConfig, ConferenceEventFilter } from '../conferences/conference-notifier';
import { ConferenceRoom, ParticipantChanges } from '../conferences/conference-room';
import { statusCallback } from './calls.routes';
import { FormBody, FormReader } from './form-body';
import { ACCOUNT_PATH, AccountParams, RestContext } from './rest-context';
import { conferenceResource, page, participantResource } from './resource-mappers';

type ConferenceParams = AccountParams & { ConferenceSid: string };
type ParticipantParams = ConferenceParams & { CallSid: string };
type ListQuery = { FriendlyName?: string; Status?: string; PageSize?: string; Page?: string };

const CONFERENCE_EVENTS: readonly ConferenceEventFilter[] = [
  'start',
  'end',
  'join',
  'leave',
  'mute',
  'hold',
  'modify',
  'announcement',
];

/** Conferences (list, fetch, end, announce) and Participants (add, list, fetch, update, remove). */
export function registerConferenceRoutes(app: FastifyInstance, ctx: RestContext): void {
  const { conferences } = ctx.services;
  const findRoom = (sid: string, url: string) => {
    const room = conferences.get(sid);
    if (!room) throw TwilioRestError.notFound(url.split('?')[0]);
    return room;
  };
  const findParticipant = (params: ParticipantParams, url: string) => {
    const room = findRoom(params.ConferenceSid, url);
    const participant = room.find(params.CallSid);
    if (!participant) throw TwilioRestError.notFound(url.split('?')[0]);
    return { room, participant };
  };

  app.get<{ Params: AccountParams; Querystring: ListQuery }>(
    `${ACCOUNT_PATH}/Conferences.json`,
    async (request) => {
      const q = request.query;
      const rooms = conferences
        .list()
        .filter((room) => !q.FriendlyName || room.friendlyName === q.FriendlyName)
        .filter((room) => !q.Status || room.status === q.Status)
        .reverse();
      return page('conferences', rooms.map(conferenceResource), request.url.split('?')[0], q);
    },
  );

  app.get<{ Params: ConferenceParams }>(`${ACCOUNT_PATH}/Conferences/:ConferenceSid.json`, async (request) =>
    conferenceResource(findRoom(request.params.ConferenceSid, request.url)),
  );

  app.post<{ Params: ConferenceParams; Body: FormBody }>(
    `${ACCOUNT_PATH}/Conferences/:ConferenceSid.json`,
    async (request) => {
      const room = findRoom(request.params.ConferenceSid, request.url);
      const form = new FormReader(request.body);
      const status = form.optional('Status');
      if (status !== undefined && status !== 'completed') throw TwilioRestError.invalid('Status', status);
      if (status === 'completed') room.end('conference-ended-via-api');
      const announceUrl = form.url('AnnounceUrl');
      if (announceUrl)
        ctx.announce.execute(room, room.participants(), announceUrl, form.method('AnnounceMethod'));
      return conferenceResource(room);
    },
  );

  /** Twilio accepts a room's friendly name instead of its sid here, creating the room if needed. */
  app.post<{ Params: ConferenceParams; Body: FormBody }>(
    `${ACCOUNT_PATH}/Conferences/:ConferenceSid/Participants.json`,
    async (request, reply) => {
      const form = new FormReader(request.body);
      const from = form.required('From');
      const to = form.required('To');
      const id = request.params.ConferenceSid;
      const room = /^CF[0-9a-f]{32}$/.test(id) ? findRoom(id, request.url) : conferences.obtain(id);
      if (room.isEnded) throw new TwilioRestError(400, 21220, 'Conference is not in-progress');
      const label = form.optional('Label');
      if (label && room.find(label))
        throw new TwilioRestError(400, 21201, `Label ${label} is already in use`);
      ctx.rateLimit.take();
      const coach = form.optional('CallSidToCoach');
      const participant = ctx.addParticipant.execute(room, {
        from,
        to,
        timeout: form.integer('Timeout') ?? 60,
        statusCallback: statusCallback(form),
        conferenceCallback: conferenceCallback(form),
        settings: {
          label,
          muted: form.boolean('Muted') ?? false,
          hold: false,
          coaching: form.boolean('Coaching') ?? coach !== undefined,
          callSidToCoach: coach,
          startConferenceOnEnter: form.boolean('StartConferenceOnEnter') ?? true,
          endConferenceOnExit: form.boolean('EndConferenceOnExit') ?? false,
          waitUrl: form.optional('WaitUrl') === '' ? '' : form.url('WaitUrl'),
          waitMethod: form.method('WaitMethod'),
          holdMethod: 'POST',
        },
      });
      return reply.code(201).send(participantResource(room, participant));
    },
  );

  app.get<{ Params: ConferenceParams; Querystring: ListQuery }>(
    `${ACCOUNT_PATH}/Conferences/:ConferenceSid/Participants.json`,
    async (request) => {
      const room = findRoom(request.params.ConferenceSid, request.url);
      const items = room.participants().map((p) => participantResource(room, p));
      return page('participants', items, request.url.split('?')[0], request.query);
    },
  );

  app.get<{ Params: ParticipantParams }>(
    `${ACCOUNT_PATH}/Conferences/:ConferenceSid/Participants/:CallSid.json`,
    async (request) => {
      const { room, participant } = findParticipant(request.params, request.url);
      return participantResource(room, participant);
    },
  );

  app.post<{ Params: ParticipantParams; Body: FormBody }>(
    `${ACCOUNT_PATH}/Conferences/:ConferenceSid/Participants/:CallSid.json`,
    async (request) => {
      const { room, participant } = findParticipant(request.params, request.url);
      const form = new FormReader(request.body);
      ctx.updateParticipant.execute(room, participant, {
        changes: participantChanges(form),
        announceUrl: form.url('AnnounceUrl'),
        announceMethod: form.method('AnnounceMethod'),
      });
      return participantResource(room, participant);
    },
  );

  app.delete<{ Params: ParticipantParams }>(
    `${ACCOUNT_PATH}/Conferences/:ConferenceSid/Participants/:CallSid.json`,
    async (request, reply) => {
      const { room, participant } = findParticipant(request.params, request.url);
      removeParticipant(room, participant.callSid);
      return reply.code(204).send();
    },
  );
}

function removeParticipant(room: ConferenceRoom, callSid: string): void {
  const participant = room.find(callSid);
  if (!participant) return;
  const ringing = participant.status !== 'connected';
  room.leave(participant, 'kicked');
  if (ringing) participant.leg.end('canceled', 'api');
}

function participantChanges(form: FormReader): ParticipantChanges {
  const changes: ParticipantChanges = {};
  const muted = form.boolean('Muted');
  const hold = form.boolean('Hold');
  const coaching = form.boolean('Coaching');
  const endConferenceOnExit = form.boolean('EndConferenceOnExit');
  if (muted !== undefined) changes.muted = muted;
  if (hold !== undefined) changes.hold = hold;
  if (coaching !== undefined) changes.coaching = coaching;
  if (endConferenceOnExit !== undefined) changes.endConferenceOnExit = endConferenceOnExit;
  const callSidToCoach = form.optional('CallSidToCoach');
  if (callSidToCoach) changes.callSidToCoach = callSidToCoach;
  const holdUrl = form.url('HoldUrl');
  if (holdUrl) {
    changes.holdUrl = holdUrl;
    changes.holdMethod = form.method('HoldMethod');
  }
  return changes;
}

function conferenceCallback(form: FormReader): ConferenceCallbackConfig | undefined {
  const url = form.url('ConferenceStatusCallback');
  if (!url) return undefined;
  const events = form.list('ConferenceStatusCallbackEvent') ?? ['start', 'end'];
  const unknown = events.find((e) => !CONFERENCE_EVENTS.includes(e as ConferenceEventFilter));
  if (unknown) throw TwilioRestError.invalid('ConferenceStatusCallbackEvent', unknown);
  return {
    url,
    method: form.method('ConferenceStatusCallbackMethod'),
    events: new Set(events as ConferenceEventFilter[]),
  };
}
