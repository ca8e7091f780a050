// The agent desktop's state, kept apart from the page so that it can be tested without a browser:
// a reducer over what Hotline and the agent say, and the clocks the page shows (time in state, ring
// and wrap-up countdowns). No DOM, no timers, no clock: `now` is passed in. Types: desk-state.d.ts.

/** @type {import('./desk-state').Desk} */
export const INITIAL_DESK = {
  connection: 'connecting',
  agent: null,
  offer: null,
  presence: null,
  onHold: false,
  muted: false,
  disposedCallSid: null,
};

/** Why Hotline signs out an agent whose desktop was gone past the grace period. */
const SIGNED_OUT_BY_DISCONNECT = 'disconnected';

/**
 * @param {import('./desk-state').Desk} desk
 * @param {import('./desk-state').DeskEvent} event
 * @returns {import('./desk-state').Desk}
 */
export function nextDesk(desk, event) {
  switch (event.type) {
    case 'connected':
      return { ...desk, connection: 'online' };
    case 'disconnected':
      return { ...desk, connection: 'offline' };
    case 'state':
      return withAgentState(desk, event.state);
    case 'offer':
      // The offer may come just before or after the state that reserves the agent for it.
      return { ...desk, offer: event.offer };
    case 'offer-ended':
      return desk.offer?.callSid === event.callSid ? { ...desk, offer: null } : desk;
    case 'presence-chosen':
      return { ...desk, presence: { state: event.state, reason: event.reason } };
    case 'held':
      return { ...desk, onHold: event.onHold };
    case 'muted':
      return { ...desk, muted: event.muted };
    case 'disposed':
      return { ...desk, disposedCallSid: event.callSid };
  }
}

/**
 * Hotline's word on the agent's state. The same state heard again (as on every reconnection) keeps
 * the time it began; leaving a ringing offer forgets it; leaving a call forgets hold and mute.
 * @param {import('./desk-state').Desk} desk
 * @param {import('./desk-state').AgentStatus} state
 */
function withAgentState(desk, state) {
  const previous = desk.agent;
  const same =
    previous !== null &&
    previous.state === state.state &&
    previous.callSid === state.callSid &&
    previous.reason === state.reason;
  const agent = same ? { ...state, since: Math.min(previous.since, state.since) } : state;
  const onCall = state.state === 'on-call';
  return {
    ...desk,
    agent,
    offer: state.state === 'reserved' && desk.offer?.callSid === state.callSid ? desk.offer : null,
    onHold: onCall && desk.onHold,
    muted: onCall && desk.muted,
  };
}

/**
 * What the page shows: the agent's state, or `connecting` before Hotline has said.
 * @param {import('./desk-state').Desk} desk
 * @returns {import('./desk-state').Phase}
 */
export function phaseOf(desk) {
  if (desk.agent === null) return 'connecting';
  return desk.agent.state === 'reserved' ? 'ringing' : desk.agent.state;
}

/**
 * Whole seconds in the current state.
 * @param {import('./desk-state').Desk} desk
 * @param {number} now
 */
export function secondsInState(desk, now) {
  return desk.agent === null ? 0 : Math.max(0, Math.floor((now - desk.agent.since) / 1000));
}

/**
 * Seconds until the ringing offer is withdrawn; null when nothing rings.
 * @param {import('./desk-state').Desk} desk
 * @param {number} now
 */
export function ringSecondsLeft(desk, now) {
  if (phaseOf(desk) !== 'ringing' || desk.offer?.callSid !== desk.agent?.callSid) return null;
  return Math.max(0, Math.ceil((desk.offer.expiresAt - now) / 1000));
}

/**
 * Seconds of wrap-up left before Hotline makes the agent available again; null outside wrap-up.
 * @param {import('./desk-state').Desk} desk
 * @param {number} now
 * @param {Record<string, number>} wrapUpSeconds by queue
 */
export function wrapSecondsLeft(desk, now, wrapUpSeconds) {
  if (phaseOf(desk) !== 'wrap-up' || desk.agent === null) return null;
  const seconds = desk.agent.queue === undefined ? undefined : wrapUpSeconds[desk.agent.queue];
  if (seconds === undefined) return null;
  return Math.max(0, Math.ceil((desk.agent.since + seconds * 1000 - now) / 1000));
}

/**
 * Whether the disposition form is due: in wrap-up for a call not yet disposed.
 * @param {import('./desk-state').Desk} desk
 */
export function dispositionDue(desk) {
  return phaseOf(desk) === 'wrap-up' && !!desk.agent?.callSid && desk.agent.callSid !== desk.disposedCallSid;
}

/**
 * The presence to ask for again once connected, when Hotline signed the agent out while the desktop
 * was unreachable; null when there is nothing to restore.
 * @param {import('./desk-state').Desk} desk
 * @returns {import('./desk-state').Presence | null}
 */
export function presenceToRestore(desk) {
  const { agent, presence, connection } = desk;
  if (connection !== 'online' || agent === null || presence === null) return null;
  const signedOutByDrop = agent.state === 'offline' && agent.reason === SIGNED_OUT_BY_DISCONNECT;
  return signedOutByDrop && presence.state !== 'offline' ? presence : null;
}

/**
 * Seconds as m:ss, or h:mm:ss from an hour.
 * @param {number | null} seconds
 */
export function clockText(seconds) {
  if (seconds === null) return '–';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
