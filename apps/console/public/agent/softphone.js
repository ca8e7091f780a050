// The agent's phone, one interface with two implementations: Twilio's Voice SDK in production, and
// in the sandbox the Twilio stand-in's softphone bridge (socket.io, apps/twilio-sim). Either way the
// page hears `incoming` and `ended` and can accept, reject, hang up and mute the call ringing or
// connected at this browser (the agent's leg; Hotline follows it through Twilio's callbacks).
import { io } from '/socket.io/socket.io.esm.min.js';

/**
 * @typedef {{ token: string, identity: string, sandbox: boolean, softphoneUrl?: string }} VoiceToken
 * @typedef {{ incoming(callSid: string): void, ended(callSid: string): void, ready(ok: boolean): void }} PhoneEvents
 * @typedef {{ accept(): void, reject(): void, hangup(): boolean, mute(muted: boolean): void, close(): void }} Softphone
 */

/**
 * @param {VoiceToken} voiceToken
 * @param {PhoneEvents} events
 * @param {() => Promise<VoiceToken>} renewToken for the Voice SDK, before the token expires
 * @returns {Promise<Softphone>}
 */
export async function openSoftphone(voiceToken, events, renewToken) {
  if (voiceToken.sandbox && voiceToken.softphoneUrl) return bridgePhone(voiceToken, events);
  return voiceSdkPhone(voiceToken, events, renewToken);
}

/**
 * What both implementations share: one call at a time, and an accept pressed before the call has
 * reached this browser (Hotline's offer can come first) answers it when it does.
 * @param {PhoneEvents} events
 * @param {{ accept(call: any): void, reject(call: any): void, hangup(call: any): void, mute(call: any, muted: boolean): void, idOf(call: any): string }} line
 */
function oneCallAtATime(events, line) {
  let call = null;
  let acceptOnArrival = false;
  return {
    arrived(incoming) {
      call = incoming;
      events.incoming(line.idOf(incoming));
      if (acceptOnArrival) line.accept(incoming);
      acceptOnArrival = false;
    },
    gone(callSid) {
      if (call && line.idOf(call) === callSid) call = null;
      events.ended(callSid);
    },
    accept() {
      if (call) line.accept(call);
      else acceptOnArrival = true;
    },
    reject() {
      acceptOnArrival = false;
      if (call) line.reject(call);
    },
    hangup() {
      if (!call) return false;
      line.hangup(call);
      return true;
    },
    mute(muted) {
      if (call) line.mute(call, muted);
    },
  };
}

/** @param {VoiceToken} voiceToken @param {PhoneEvents} events @returns {Softphone} */
function bridgePhone(voiceToken, events) {
  const socket = io(`${voiceToken.softphoneUrl}/softphone`, {
    path: '/sim/socket.io',
    transports: ['websocket'],
  });
  const line = oneCallAtATime(events, {
    idOf: (call) => call.callSid,
    accept: (call) => socket.emit('accept', { callSid: call.callSid }),
    reject: (call) => socket.emit('reject', { callSid: call.callSid }),
    hangup: (call) => socket.emit('hangup', { callSid: call.callSid }),
    mute: (call, muted) => socket.emit('mute', { callSid: call.callSid, muted }),
  });
  // The bridge forgets a registration with its socket: register again on every (re)connection.
  socket.on('connect', () => socket.emit('register', voiceToken.identity, (ack) => events.ready(ack.ok)));
  socket.on('disconnect', () => events.ready(false));
  socket.on('incoming', (call) => line.arrived(call));
  socket.on('cancel', ({ callSid }) => line.gone(callSid));
  socket.on('disconnected', ({ callSid }) => line.gone(callSid));
  return { ...line, close: () => socket.close() };
}

/** Twilio's browser bundle (global `Twilio.Device`), served by Hotline from @twilio/voice-sdk. */
function loadVoiceSdk() {
  if (window.Twilio?.Device) return Promise.resolve(window.Twilio.Device);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/agent/voice-sdk.js';
    script.onload = () => resolve(window.Twilio.Device);
    script.onerror = () => reject(new Error('The Twilio Voice SDK could not be loaded'));
    document.head.append(script);
  });
}

/**
 * @param {VoiceToken} voiceToken @param {PhoneEvents} events @param {() => Promise<VoiceToken>} renewToken
 * @returns {Promise<Softphone>}
 */
async function voiceSdkPhone(voiceToken, events, renewToken) {
  const Device = await loadVoiceSdk();
  const device = new Device(voiceToken.token, { closeProtection: true });
  const line = oneCallAtATime(events, {
    idOf: (call) => call.parameters.CallSid,
    accept: (call) => call.accept(),
    reject: (call) => call.reject(),
    hangup: (call) => call.disconnect(),
    mute: (call, muted) => call.mute(muted),
  });
  device.on('registered', () => events.ready(true));
  device.on('unregistered', () => events.ready(false));
  device.on('error', () => events.ready(device.state === 'registered'));
  device.on('tokenWillExpire', async () => device.updateToken((await renewToken()).token));
  device.on('incoming', (call) => {
    const callSid = call.parameters.CallSid;
    for (const end of ['cancel', 'disconnect', 'reject']) call.on(end, () => line.gone(callSid));
    line.arrived(call);
  });
  await device.register();
  return { ...line, close: () => device.destroy() };
}
