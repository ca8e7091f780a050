import Fastify, { FastifyInstance } from 'fastify';
import { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { CallerScript } from './calls/caller-script';
import { CallLeg } from './calls/call-leg';
import { CallRegistry } from './calls/call-registry';
import { CallStatusNotifier } from './calls/call-status-notifier';
import { ScriptedParty } from './calls/scripted-party';
import { newSid } from './core/sid';
import { SimClock } from './core/sim-clock';
import { TwilioRestError } from './core/twilio-rest-error';
import { ConferenceRegistry } from './conferences/conference-registry';
import { EndpointRegistry, SimEndpoint } from './endpoints/endpoint-registry';
import { Ringer } from './endpoints/ringer';
import { attachSoftphoneBridge } from './endpoints/softphone-bridge';
import { TwimlRunner } from './execution/twiml-runner';
import { SimServices } from './execution/verb-context';
import { DialVerb } from './execution/verbs/dial.verb';
import { EnqueueVerb } from './execution/verbs/enqueue.verb';
import { GatherVerb } from './execution/verbs/gather.verb';
import { HangupVerb } from './execution/verbs/hangup.verb';
import { LeaveVerb } from './execution/verbs/leave.verb';
import { PauseVerb } from './execution/verbs/pause.verb';
import { PlayVerb } from './execution/verbs/play.verb';
import { RecordVerb } from './execution/verbs/record.verb';
import { RedirectVerb } from './execution/verbs/redirect.verb';
import { RejectVerb } from './execution/verbs/reject.verb';
import { SayVerb } from './execution/verbs/say.verb';
import { callView, CallView } from './observe/call-view';
import { registerSimRoutes } from './observe/sim.routes';
import { SimObserver } from './observe/sim-observer';
import { QueueRegistry } from './queues/queue-registry';
import { registerCallRoutes } from './rest/calls.routes';
import { registerConferenceRoutes } from './rest/conferences.routes';
import { registerFormParser } from './rest/form-body';
import { OutboundRateLimit } from './rest/outbound-rate-limit';
import { registerQueueRoutes } from './rest/queues.routes';
import { restAuthHook } from './rest/rest-auth.hook';
import { RestContext } from './rest/rest-context';
import { twilioErrorBody } from './rest/twilio-error-body';
import { resolveSimOptions, TwilioSimOptions } from './twilio-sim-options';
import { AddParticipant } from './use-cases/add-participant.use-case';
import { AnnounceToConference } from './use-cases/announce-to-conference.use-case';
import { CreateOutboundCall } from './use-cases/create-outbound-call.use-case';
import { DequeueMember } from './use-cases/dequeue-member.use-case';
import { PlaceCallRequest, PlaceInboundCall } from './use-cases/place-inbound-call.use-case';
import { UpdateCall } from './use-cases/update-call.use-case';
import { UpdateParticipant } from './use-cases/update-participant.use-case';
import { NotificationLog } from './webhooks/sim-notification';
import { WebhookClient } from './webhooks/webhook-client';

/** A call placed by a simulated caller. */
export interface SimCall {
  readonly sid: string;
  /** The caller hangs up now. */
  hangUp(): void;
  /** Resolves with the caller's experience once the call has ended. */
  readonly ended: Promise<CallView>;
  view(): CallView;
}

export interface TwilioSim {
  /** Base URL of the stand-in: REST API under /2010-04-01, its own view under /sim. */
  readonly url: string;
  readonly accountSid: string;
  /** Simulated time; simulated people use it to wait (`clock.sleep(seconds)`). */
  readonly clock: SimClock;
  /** What the stand-in saw: calls, queues, rooms, debugger notifications, webhooks sent. */
  readonly observe: SimObserver;
  /** A person calls the number. */
  placeCall(request: PlaceCallRequest): SimCall;
  /** Registers `client:<identity>` or an E.164 number to receive calls (agents' softphones, customers' phones). */
  register(address: string): SimEndpoint;
  /** Resolves when every status and conference callback sent so far has been answered. */
  settled(): Promise<void>;
  /** Ends every call, stops the server; safe to call twice. */
  close(): Promise<void>;
}

/** Starts the Twilio stand-in: a Fastify server playing Twilio Programmable Voice for one account and number. */
export async function startTwilioSim(input: TwilioSimOptions): Promise<TwilioSim> {
  const options = resolveSimOptions(input);
  const closing = new AbortController();
  const clock = new SimClock(options.timeScale);
  const notifications = new NotificationLog();
  const webhooks = new WebhookClient(options.authToken, clock, options.webhookTimeoutMs, closing.signal);
  const statusNotifier = new CallStatusNotifier(webhooks, clock, notifications);
  const calls = new CallRegistry(clock, statusNotifier);
  const queues = new QueueRegistry(options.accountSid, clock);
  const conferences = new ConferenceRegistry(options.accountSid, clock, webhooks, notifications);
  const endpoints = new EndpointRegistry();
  const attachScript = (leg: CallLeg, script: CallerScript) => {
    const party = new ScriptedParty(script, leg, clock);
    leg.party = party;
    party.attach();
  };
  const ringer = new Ringer(endpoints, clock, attachScript);
  let baseUrl = '';
  const say = new SayVerb();
  const play = new PlayVerb();
  const pause = new PauseVerb();
  const runner = new TwimlRunner([
    say,
    play,
    pause,
    new GatherVerb([say, play, pause]),
    new RedirectVerb(),
    new HangupVerb(),
    new RejectVerb(),
    new LeaveVerb(),
    new RecordVerb(() => baseUrl),
    new EnqueueVerb(),
    new DialVerb(),
  ]);
  const services: SimServices = {
    accountSid: options.accountSid,
    clock,
    webhooks,
    notifications,
    calls,
    queues,
    conferences,
    ringer,
    runner,
    timings: {
      sayCharsPerSecond: options.sayCharsPerSecond,
      playSeconds: options.playSeconds,
      holdMusicUrl: options.holdMusicUrl,
    },
  };
  runner.bind(services);

  const tasks = new Set<Promise<void>>();
  const track = (task: Promise<void>) => {
    // Once the stand-in closes, whatever a task was still doing ends with the closing reason.
    const tracked = task.catch((err: unknown) => {
      if (!closing.signal.aborted) console.error('twilio-sim: call task failed', err);
    });
    tasks.add(tracked);
    void tracked.finally(() => tasks.delete(tracked));
  };
  const placeInboundCall = new PlaceInboundCall(
    services,
    runner,
    {
      sid: newSid('PN'),
      voiceUrl: options.voiceUrl,
      voiceMethod: options.voiceMethod,
      statusCallback: options.statusCallbackUrl
        ? {
            url: options.statusCallbackUrl,
            method: options.statusCallbackMethod,
            events: new Set(options.statusCallbackEvents),
          }
        : undefined,
    },
    attachScript,
    track,
  );
  const announce = new AnnounceToConference(services, track);
  const rest: RestContext = {
    services,
    rateLimit: new OutboundRateLimit(clock, options.outboundCallsPerSecond),
    createOutboundCall: new CreateOutboundCall(services, runner, track),
    updateCall: new UpdateCall(runner, track),
    dequeueMember: new DequeueMember(),
    addParticipant: new AddParticipant(services, runner, track),
    updateParticipant: new UpdateParticipant(announce),
    announce,
  };
  const observe = new SimObserver(calls, queues, conferences, notifications, webhooks);

  const app = buildServer(options.logger, options.accountSid, options.authToken, rest);
  registerSimRoutes(app, observe, calls, endpoints, placeInboundCall);
  await app.listen({ port: options.port, host: options.host });
  const io = attachSoftphoneBridge(app.server, endpoints);
  const address = app.server.address() as AddressInfo;
  baseUrl = `http://${options.host}:${address.port}`;

  const settled = async () => {
    await statusNotifier.settled();
    await conferences.settled();
  };
  let closed: Promise<void> | undefined;
  return {
    url: baseUrl,
    accountSid: options.accountSid,
    clock,
    observe,
    placeCall: (request) => simCall(placeInboundCall.execute(request)),
    register: (address) => endpoints.register(address),
    settled,
    close: () => (closed ??= shutdown(closing, clock, calls, tasks, io, app)),
  };
}

function buildServer(
  logger: boolean,
  accountSid: string,
  authToken: string,
  rest: RestContext,
): FastifyInstance {
  const app = Fastify({ logger });
  registerFormParser(app);
  app.setErrorHandler((err: Error & { statusCode?: number }, _request, reply) => {
    if (err instanceof TwilioRestError)
      return reply.code(err.status).send(twilioErrorBody(err.status, err.code, err.message));
    const status = err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500;
    return reply.code(status).send(twilioErrorBody(status, status === 500 ? 20500 : 20001, err.message));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(twilioErrorBody(404, 20404, `The requested resource ${request.url} was not found`)),
  );
  app.register(async (api) => {
    api.addHook('preHandler', restAuthHook(accountSid, authToken));
    registerCallRoutes(api, rest);
    registerQueueRoutes(api, rest);
    registerConferenceRoutes(api, rest);
  });
  return app;
}

function simCall(leg: CallLeg): SimCall {
  return {
    sid: leg.sid,
    hangUp: () => leg.hangUp('caller'),
    ended: leg.ended.then(() => callView(leg)),
    view: () => callView(leg),
  };
}

async function shutdown(
  closing: AbortController,
  clock: SimClock,
  calls: CallRegistry,
  tasks: Set<Promise<void>>,
  io: Server,
  app: FastifyInstance,
): Promise<void> {
  const reason = new Error('twilio-sim closed');
  closing.abort(reason);
  for (const leg of calls.active()) leg.end(leg.isAnswered ? 'completed' : 'canceled', 'sim-closed');
  // A call set up while closing, or an announcement, would otherwise play on for its full length.
  clock.stop(reason);
  await Promise.allSettled([...tasks]);
  await io.close();
  await app.close();
}
