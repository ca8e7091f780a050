import { whenAborted } from '../../core/aborts';
import { CallLeg, StatusCallbackConfig, StatusCallbackEvent } from '../../calls/call-leg';
import { attendConference } from '../../conferences/conference-attendance';
import { ConferenceEventFilter } from '../../conferences/conference-notifier';
import { ParticipantSettings, Participant } from '../../conferences/participant';
import { RingOutcome } from '../../endpoints/ringer';
import { TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement } from '../../twiml/twiml-element';
import { TWILIO_ERROR, TwilioFault } from '../../webhooks/sim-notification';
import { CONTINUE, VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

interface DialTarget {
  address: string;
  parameters: Record<string, string>;
  statusCallback?: StatusCallbackConfig;
}

/**
 * `<Dial>`: rings every `<Client>`/`<Number>` at once (the first to answer is bridged, the others
 * stop ringing) or joins a `<Conference>`. When the dialed party hangs up or nobody answers, the
 * action gets DialCallStatus, DialCallSid, DialCallDuration and DialBridged, and its TwiML
 * continues the call; without an action the call goes on with the next verb. If the caller hangs
 * up, the action is still requested and its TwiML ignored.
 */
export class DialVerb implements VerbExecutor {
  readonly verb = 'Dial';

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    const attributes = new TwimlAttributes(element, ctx.documentUrl);
    const action = attributes.url('action');
    const method = attributes.method('method');
    const conference = element.children.find((c) => c.name === 'Conference');
    const params = conference
      ? await this.joinConference(conference, ctx)
      : await this.bridge(this.targets(element, ctx), attributes, ctx);
    ctx.leg.record({
      type: 'dial-ended',
      dialCallStatus: params.DialCallStatus,
      dialCallSid: params.DialCallSid,
    });
    if (ctx.leg.isEnded) {
      if (action) await ctx.services.runner.notify(ctx.leg, action, method, params, 'dial-action');
      return { kind: 'hangup' };
    }
    if (!action) return CONTINUE;
    return {
      kind: 'next',
      source: { kind: 'url', url: action, method, purpose: 'dial-action', params: () => params },
    };
  }

  private async bridge(
    targets: DialTarget[],
    attributes: TwimlAttributes,
    ctx: VerbContext,
  ): Promise<Record<string, string>> {
    const { calls, ringer } = ctx.services;
    const parent = ctx.leg;
    const timeout = attributes.number('timeout', 30, 1);
    const from = attributes.string('callerId') ?? parent.from;
    parent.record({ type: 'dialed', to: targets.map((t) => t.address) });
    const legs = targets.map((target) =>
      calls.create({
        accountSid: parent.accountSid,
        from,
        to: target.address,
        direction: 'outbound-dial',
        status: 'queued',
        parentCallSid: parent.sid,
        statusCallback: target.statusCallback,
      }),
    );
    const answeredElsewhere = new AbortController();
    const ringSignal = AbortSignal.any([ctx.signal, answeredElsewhere.signal]);
    const answered: { leg?: CallLeg } = {};
    const outcomes = await Promise.all(
      legs.map(async (leg, i) => {
        leg.setStatus('initiated');
        const outcome = await ringer.ring(leg, timeout, ringSignal, targets[i].parameters);
        if (outcome === 'answered' && !answered.leg && !ctx.signal.aborted) {
          answered.leg = leg;
          answeredElsewhere.abort();
        } else if (outcome === 'answered') leg.end('canceled', 'not-answered');
        else leg.end(outcome, 'not-answered');
        return outcome;
      }),
    );
    const dialCallSid: Record<string, string> = legs.length === 1 ? { DialCallSid: legs[0].sid } : {};
    const callee = answered.leg;
    if (!callee) {
      this.throwIfRedirected(ctx);
      return { DialCallStatus: unansweredStatus(outcomes), DialBridged: 'false', ...dialCallSid };
    }
    callee.answer();
    parent.connect(callee, 'dial');
    const calleeRedirected = new Promise<void>((resolve) => callee.once('redirected', resolve));
    await Promise.race([callee.ended, calleeRedirected, whenAborted(ctx.signal)]);
    if (!callee.hasPendingRedirect) callee.end('completed', 'parent-ended');
    this.throwIfRedirected(ctx);
    return {
      DialCallStatus: 'completed',
      DialCallSid: callee.sid,
      DialCallDuration: String(callee.durationSeconds()),
      DialBridged: 'true',
    };
  }

  private async joinConference(noun: TwimlElement, ctx: VerbContext): Promise<Record<string, string>> {
    const attributes = new TwimlAttributes(noun, ctx.documentUrl);
    if (!noun.text) throw new TwilioFault(TWILIO_ERROR.schemaValidation, '<Conference> needs a room name');
    const room = ctx.services.conferences.obtain(noun.text);
    if (room.isFull()) return { DialCallStatus: 'failed' };
    const coach = attributes.string('coach');
    const settings: ParticipantSettings = {
      label: attributes.string('participantLabel'),
      muted: attributes.boolean('muted', false),
      hold: false,
      coaching: coach !== undefined,
      callSidToCoach: coach,
      startConferenceOnEnter: attributes.boolean('startConferenceOnEnter', true),
      endConferenceOnExit: attributes.boolean('endConferenceOnExit', false),
      waitUrl: noun.attributes.waitUrl === '' ? '' : attributes.url('waitUrl'),
      waitMethod: attributes.method('waitMethod'),
      holdMethod: 'POST',
    };
    const callbackUrl = attributes.url('statusCallback');
    const callback = callbackUrl
      ? {
          url: callbackUrl,
          method: attributes.method('statusCallbackMethod'),
          events: new Set(
            attributes.list('statusCallbackEvent', ['start', 'end']) as ConferenceEventFilter[],
          ),
        }
      : undefined;
    const participant = new Participant(ctx.leg, settings, ctx.services.clock.now());
    room.join(participant, callback);
    await attendConference(ctx.services, room, participant, ctx.signal);
    this.throwIfRedirected(ctx);
    return { DialCallStatus: 'answered' };
  }

  private targets(element: TwimlElement, ctx: VerbContext): DialTarget[] {
    if (element.children.length === 0) return [{ address: element.text, parameters: {} }];
    return element.children.map((noun) => {
      const attributes = new TwimlAttributes(noun, ctx.documentUrl);
      const callbackUrl = attributes.url('statusCallback');
      const statusCallback = callbackUrl
        ? {
            url: callbackUrl,
            method: attributes.method('statusCallbackMethod'),
            events: new Set(attributes.list('statusCallbackEvent', ['completed']) as StatusCallbackEvent[]),
          }
        : undefined;
      if (noun.name === 'Number') return { address: noun.text, parameters: {}, statusCallback };
      const identity = noun.children.find((c) => c.name === 'Identity')?.text ?? noun.text;
      const parameters = Object.fromEntries(
        noun.children
          .filter((c) => c.name === 'Parameter')
          .map((p) => [p.attributes.name ?? '', p.attributes.value ?? '']),
      );
      return { address: `client:${identity}`, parameters, statusCallback };
    });
  }

  /** A redirect (REST update) drops the dialed party and the action: the call goes to the new URL. */
  private throwIfRedirected(ctx: VerbContext): void {
    if (ctx.signal.aborted && !ctx.leg.isEnded) throw ctx.signal.reason;
  }
}

function unansweredStatus(outcomes: RingOutcome[]): string {
  if (outcomes.includes('busy')) return 'busy';
  if (outcomes.includes('no-answer')) return 'no-answer';
  return 'canceled';
}
