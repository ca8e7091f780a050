import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AddressInfo } from 'node:net';

/**
 * A recording fake of Twilio's REST API: it answers what Hotline asks with Twilio-shaped JSON and
 * keeps every request, so tests can check exactly what was sent, and fail on demand.
 */

/** One REST request as Twilio would have received it. */
export interface RecordedRequest {
  method: string;
  /** Without the query, e.g. `/2010-04-01/Accounts/AC…/Calls/CA….json`. */
  path: string;
  /** The form body, or the query of a GET; a repeated name (StatusCallbackEvent) keeps its values joined by ','. */
  params: Record<string, string>;
}

export interface RequestMatcher {
  method?: string;
  pathIncludes: string;
}

export interface TwilioErrorReply {
  status: number;
  code: number;
  message: string;
}

export interface RecordingTwilioApi {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** A queue the Queues list names; a name added again gets a new sid, as when a queue is deleted and re-created. */
  addQueue(name: string): string;
  /** A live room the Conferences list names; adding a participant by room name creates one as well. */
  addConference(name: string): string;
  /** The next `times` matching requests are refused with a Twilio error body. */
  failNext(matcher: RequestMatcher, response: TwilioErrorReply, times?: number): void;
  /** The next `times` matching requests are answered as usual, but only after `ms`: a client's timeout fires first. */
  stallNext(matcher: RequestMatcher, ms: number, times?: number): void;
  /** Forgets the recorded requests and pending failures and stalls; queues and rooms stay. */
  reset(): void;
  close(): Promise<void>;
}

type Params = Record<string, string>;
type Answer = { status: number; body?: unknown };
type Handler = (path: Params, params: Params) => Answer;

interface Injection {
  matcher: RequestMatcher;
  remaining: number;
  /** An answer replaces the route's; undefined lets the route answer. */
  apply(): Promise<Answer | undefined>;
}

interface Room {
  sid: string;
  name: string;
  /** CallSid or label → CallSid. */
  participants: Map<string, string>;
}

const API = '/2010-04-01/Accounts';
const CONFERENCE_SID = /^CF[0-9a-f]{32}$/;

/**
 * A stand-in for Twilio's REST API that records every request, for tests asserting exactly what
 * Hotline sent. It answers with Twilio-shaped JSON for queues and their members, calls,
 * conferences and participants, and keeps no call state: any CallSid counts as a live call.
 */
export async function startRecordingTwilioApi(account: {
  accountSid: string;
  authToken: string;
}): Promise<RecordingTwilioApi> {
  const requests: RecordedRequest[] = [];
  const injections: Injection[] = [];
  const queues = new Map<string, string>();
  const rooms = new Map<string, Room>();
  const accountPath = `${API}/${account.accountSid}`;
  const credentials = Buffer.from(
    `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`,
  );

  const addConference = (name: string): Room => {
    const room = { sid: sid('CF'), name, participants: new Map<string, string>() };
    rooms.set(room.sid, room);
    return room;
  };
  /** Twilio takes a room's FriendlyName in place of its sid when adding a participant, creating the room. */
  const obtainRoom = (id: string) =>
    CONFERENCE_SID.test(id) ? rooms.get(id) : (roomNamed(rooms, id) ?? addConference(id));
  const participantOf = ({ ConferenceSid, CallSid }: Params) => {
    const room = rooms.get(ConferenceSid);
    const callSid = room?.participants.get(CallSid);
    return room && callSid ? { room, callSid } : undefined;
  };

  const routes: Array<{ method: string; pattern: RegExp; handle: Handler }> = [];
  const route = (method: string, template: string, handle: Handler) =>
    routes.push({ method, pattern: pathPattern(`${accountPath}${template}`), handle });

  route('GET', '/Queues.json', () =>
    page(
      'queues',
      [...queues].map(([name, queueSid]) => queueResource(accountPath, queueSid, name)),
      `${accountPath}/Queues.json`,
    ),
  );

  route('POST', '/Queues/:QueueSid/Members/:CallSid.json', ({ QueueSid, CallSid }, form) => {
    const uri = `${accountPath}/Queues/${QueueSid}/Members/${CallSid}.json`;
    if (![...queues.values()].includes(QueueSid)) return notFound(uri);
    if (!form.Url) return missing('Url');
    const member = {
      call_sid: CallSid,
      queue_sid: QueueSid,
      date_enqueued: now(),
      position: 1,
      wait_time: 0,
    };
    return { status: 200, body: { ...member, uri } };
  });

  route('GET', '/Conferences.json', (_path, query) =>
    page(
      'conferences',
      [...rooms.values()]
        .filter((room) => !query.FriendlyName || room.name === query.FriendlyName)
        .map((room) => conferenceResource(accountPath, room)),
      `${accountPath}/Conferences.json`,
    ),
  );

  route('POST', '/Conferences/:ConferenceSid/Participants.json', ({ ConferenceSid }, form) => {
    const absent = ['From', 'To'].find((name) => !form[name]);
    if (absent) return missing(absent);
    const room = obtainRoom(ConferenceSid);
    if (!room) return notFound(`${accountPath}/Conferences/${ConferenceSid}.json`);
    if (form.Label && room.participants.has(form.Label))
      return refused(400, 21201, `Label ${form.Label} is already in use`);
    const callSid = sid('CA');
    room.participants.set(callSid, callSid);
    if (form.Label) room.participants.set(form.Label, callSid);
    return { status: 201, body: participantResource(accountPath, room, callSid, form) };
  });

  route('POST', '/Conferences/:ConferenceSid/Participants/:CallSid.json', (path, form) => {
    const found = participantOf(path);
    if (!found)
      return notFound(`${accountPath}/Conferences/${path.ConferenceSid}/Participants/${path.CallSid}.json`);
    return { status: 200, body: participantResource(accountPath, found.room, found.callSid, form) };
  });

  route('DELETE', '/Conferences/:ConferenceSid/Participants/:CallSid.json', (path) => {
    const found = participantOf(path);
    if (!found)
      return notFound(`${accountPath}/Conferences/${path.ConferenceSid}/Participants/${path.CallSid}.json`);
    for (const [key, callSid] of found.room.participants)
      if (callSid === found.callSid) found.room.participants.delete(key);
    return { status: 204 };
  });

  route('POST', '/Calls.json', (_path, form) => {
    const absent = ['To', 'From'].find((name) => !form[name]) ?? (form.Url || form.Twiml ? undefined : 'Url');
    if (absent) return missing(absent);
    return { status: 201, body: callResource(accountPath, sid('CA'), form, 'queued') };
  });

  route('POST', '/Calls/:CallSid.json', ({ CallSid }, form) => ({
    status: 200,
    body: callResource(accountPath, CallSid, form, form.Status ?? 'in-progress'),
  }));

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const [path, query = ''] = request.url.split('?');
    const params =
      request.method === 'GET' ? decodeForm(query) : ((request.body as Params | undefined) ?? {});
    requests.push({ method: request.method, path, params });
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== credentials.length || !timingSafeEqual(given, credentials)) {
      return send(reply, refused(401, 20003, 'Authenticate'));
    }
    const injection = injections.find((i) => i.remaining > 0 && matches(i.matcher, request.method, path));
    if (injection) injection.remaining -= 1;
    const injected = await injection?.apply();
    if (injected) return send(reply, injected);
    for (const candidate of routes) {
      const match = candidate.method === request.method ? candidate.pattern.exec(path) : null;
      if (match) return send(reply, candidate.handle(decodedGroups(match), params));
    }
    return send(reply, notFound(path));
  };

  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, decodeForm(String(body))),
  );
  app.all('/*', serve);
  await app.listen({ port: 0, host: '127.0.0.1' });

  const inject = (matcher: RequestMatcher, times: number, apply: Injection['apply']) => {
    injections.push({ matcher, remaining: times, apply });
  };
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    requests,
    addQueue: (name) => {
      const queueSid = sid('QU');
      queues.set(name, queueSid);
      return queueSid;
    },
    addConference: (name) => addConference(name).sid,
    failNext: (matcher, response, times = 1) =>
      inject(matcher, times, async () => refused(response.status, response.code, response.message)),
    stallNext: (matcher, ms, times = 1) =>
      inject(matcher, times, async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return undefined;
      }),
    reset: () => {
      requests.length = 0;
      injections.length = 0;
    },
    close: async () => {
      await app.close();
    },
  };
}

function send(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.code(answer.status).send(answer.body);
}

function matches(matcher: RequestMatcher, method: string, path: string): boolean {
  return (matcher.method === undefined || matcher.method === method) && path.includes(matcher.pathIncludes);
}

function decodeForm(text: string): Params {
  const params: Params = {};
  for (const [name, value] of new URLSearchParams(text)) {
    params[name] = name in params ? `${params[name]},${value}` : value;
  }
  return params;
}

/** `/a/:Name.json` → a pattern capturing Name. */
function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.]/g, '\\.').replace(/:([A-Za-z]+)/g, '(?<$1>[^/]+?)');
  return new RegExp(`^${escaped}$`);
}

function decodedGroups(match: RegExpExecArray): Params {
  return Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
}

function roomNamed(rooms: Map<string, Room>, name: string): Room | undefined {
  return [...rooms.values()].find((room) => room.name === name);
}

function sid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

function now(): string {
  return new Date().toUTCString().replace('GMT', '+0000');
}

function refused(status: number, code: number, message: string): Answer {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

function notFound(uri: string): Answer {
  return refused(404, 20404, `The requested resource ${uri} was not found`);
}

function missing(name: string): Answer {
  return refused(400, 21201, `Missing required parameter ${name} in the post body`);
}

/** Twilio's list envelope, everything on one page. */
function page(key: string, items: unknown[], uri: string): Answer {
  const first = `${uri}?PageSize=1000&Page=0`;
  const envelope = { uri: first, first_page_uri: first, next_page_uri: null, previous_page_uri: null };
  const position = { page: 0, page_size: 1000, start: 0, end: Math.max(items.length - 1, 0) };
  return { status: 200, body: { [key]: items, ...envelope, ...position } };
}

function queueResource(base: string, queueSid: string, name: string) {
  return {
    sid: queueSid,
    friendly_name: name,
    current_size: 0,
    max_size: 1000,
    average_wait_time: 0,
    date_created: now(),
    date_updated: now(),
    uri: `${base}/Queues/${queueSid}.json`,
  };
}

function conferenceResource(base: string, room: Room) {
  return {
    sid: room.sid,
    friendly_name: room.name,
    status: 'in-progress',
    region: 'us1',
    api_version: '2010-04-01',
    date_created: now(),
    date_updated: now(),
    uri: `${base}/Conferences/${room.sid}.json`,
  };
}

function participantResource(base: string, room: Room, callSid: string, form: Params) {
  const label = [...room.participants].find(([key, value]) => value === callSid && key !== callSid)?.[0];
  return {
    call_sid: callSid,
    conference_sid: room.sid,
    label: label ?? null,
    muted: form.Muted === 'true',
    hold: form.Hold === 'true',
    coaching: form.Coaching === 'true',
    call_sid_to_coach: form.CallSidToCoach ?? null,
    end_conference_on_exit: form.EndConferenceOnExit === 'true',
    start_conference_on_enter: true,
    status: 'queued',
    date_created: now(),
    date_updated: now(),
    uri: `${base}/Conferences/${room.sid}/Participants/${callSid}.json`,
  };
}

function callResource(base: string, callSid: string, form: Params, status: string) {
  return {
    sid: callSid,
    to: form.To ?? null,
    from: form.From ?? null,
    status,
    direction: 'outbound-api',
    api_version: '2010-04-01',
    date_created: now(),
    date_updated: now(),
    uri: `${base}/Calls/${callSid}.json`,
  };
}
