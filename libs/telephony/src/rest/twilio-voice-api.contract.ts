import { NewCall, NewParticipant, ParticipantChange, TwilioVoiceApi } from './twilio-voice-api.port';

/** What a command should have done; each world proves it its own way. */
export type VoiceApiEffect =
  | { kind: 'dequeued'; queue: string; callSid: string; url: string }
  | { kind: 'participant-joined'; room: string; callSid: string; participant: NewParticipant }
  | { kind: 'participant-updated'; room: string; participant: string; change: ParticipantChange }
  | { kind: 'participant-removed'; room: string; participant: string }
  | { kind: 'redirected'; callSid: string; url: string }
  | { kind: 'ended'; callSid: string; status: 'completed' | 'canceled' }
  | { kind: 'placed'; callSid: string; call: NewCall };

/**
 * A Twilio for the contract to command and observe: the recording fake proves each effect by the
 * exact REST requests it received, the stand-in by what happened to its calls and rooms.
 */
export interface VoiceApiWorld {
  readonly api: TwilioVoiceApi;
  /** The Hotline number calls are placed from. */
  readonly callerId: string;
  /** A TwiML URL on the application's side. */
  url(path: string): string;
  /** A caller waiting in the Twilio queue; their CallSid. */
  callerInQueue(queue: string): Promise<string>;
  /** An answered call; its CallSid. */
  liveCall(): Promise<string>;
  /** A call still ringing at the callee; its CallSid. */
  ringingCall(): Promise<string>;
  /** A conference room the customer is in; its name. */
  roomWithCustomer(): Promise<string>;
  /** A registered softphone that accepts what rings it; its address (`client:<identity>`). */
  softphone(identity: string): string;
  /** A phone that answers what rings it. */
  phone(number: string): string;
  confirm(effect: VoiceApiEffect): Promise<void>;
  close(): Promise<void>;
}

/**
 * The behaviour every TwilioVoiceApi must have. Run against the recording fake (the REST requests
 * are exactly Twilio's) and against the Twilio stand-in (those requests do what Hotline means).
 */
export function describeTwilioVoiceApiContract(name: string, open: () => Promise<VoiceApiWorld>): void {
  describe(`TwilioVoiceApi contract: ${name}`, () => {
    let world: VoiceApiWorld;

    beforeEach(async () => {
      world = await open();
    });
    afterEach(() => world.close());

    const agentLeg = (to: string): NewParticipant => ({
      to,
      from: world.callerId,
      label: 'agent',
      timeoutSeconds: 20,
      statusCallbackUrl: world.url('/participant-status'),
      endConferenceOnExit: false,
      earlyMedia: true,
    });

    const agentInRoom = async () => {
      const room = await world.roomWithCustomer();
      const participant = agentLeg(world.softphone('alice'));
      const { callSid } = await world.api.addParticipant(room, participant);
      await world.confirm({ kind: 'participant-joined', room, callSid, participant });
      return { room, callSid };
    };

    it('pulls one specific caller out of the queue onto the TwiML at the url', async () => {
      const callSid = await world.callerInQueue('billing');
      const url = world.url('/bridge?room=r1');
      await world.api.dequeue('billing', callSid, url);
      await world.confirm({ kind: 'dequeued', queue: 'billing', callSid, url });
    });

    it('dials a softphone into the room by its name and returns the new leg', async () => {
      const { callSid } = await agentInRoom();
      expect(callSid).toMatch(/^CA[0-9a-f]{32}$/);
    });

    it('mutes, holds with music and takes off hold a participant named by label', async () => {
      const { room } = await agentInRoom();
      for (const change of [{ muted: true }, { hold: true, holdUrl: world.url('/hold') }, { hold: false }]) {
        await world.api.updateParticipant(room, 'agent', change);
        await world.confirm({ kind: 'participant-updated', room, participant: 'agent', change });
      }
    });

    it('lets a supervisor join muted, whisper to the agent, then barge in', async () => {
      const { room, callSid: agentCallSid } = await agentInRoom();
      const supervisor: NewParticipant = {
        ...agentLeg(world.softphone('sam')),
        label: 'supervisor',
        muted: true,
      };
      const { callSid } = await world.api.addParticipant(room, supervisor);
      await world.confirm({ kind: 'participant-joined', room, callSid, participant: supervisor });
      const whisper = { coaching: true, callSidToCoach: agentCallSid };
      await world.api.updateParticipant(room, callSid, whisper);
      await world.confirm({ kind: 'participant-updated', room, participant: callSid, change: whisper });
      const barge = { muted: false, coaching: false };
      await world.api.updateParticipant(room, 'supervisor', barge);
      await world.confirm({ kind: 'participant-updated', room, participant: 'supervisor', change: barge });
    });

    it('removes a participant from the room', async () => {
      const { room, callSid } = await agentInRoom();
      await world.api.removeParticipant(room, callSid);
      await world.confirm({ kind: 'participant-removed', room, participant: callSid });
    });

    it('continues a live call with the TwiML at the url', async () => {
      const callSid = await world.liveCall();
      const url = world.url('/survey');
      await world.api.redirectCall(callSid, url);
      await world.confirm({ kind: 'redirected', callSid, url });
    });

    it('hangs up a live call', async () => {
      const callSid = await world.liveCall();
      await world.api.endCall(callSid);
      await world.confirm({ kind: 'ended', callSid, status: 'completed' });
    });

    it('cancels a call that is still ringing', async () => {
      const callSid = await world.ringingCall();
      await world.api.endCall(callSid);
      await world.confirm({ kind: 'ended', callSid, status: 'canceled' });
    });

    it('places a call that plays the TwiML at the url once answered, with every progress callback', async () => {
      const call: NewCall = {
        to: world.phone('+14155550123'),
        from: world.callerId,
        url: world.url('/callback?queue=billing'),
        statusCallbackUrl: world.url('/callback-status'),
        timeoutSeconds: 25,
      };
      const { callSid } = await world.api.placeCall(call);
      expect(callSid).toMatch(/^CA[0-9a-f]{32}$/);
      await world.confirm({ kind: 'placed', callSid, call });
    });
  });
}
