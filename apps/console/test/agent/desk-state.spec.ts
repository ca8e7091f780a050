import type { AgentOfferPayload, AgentState } from '@hotline/contracts';
import {
  clockText,
  type Desk,
  type DeskEvent,
  dispositionDue,
  INITIAL_DESK,
  nextDesk,
  phaseOf,
  presenceToRestore,
  ringSecondsLeft,
  secondsInState,
  wrapSecondsLeft,
} from '../../public/agent/desk-state.js';

const T0 = 1_800_000_000_000;
const CALLER = 'CA' + 'a'.repeat(32);
const WRAP_UP = { billing: 45, sales: 30 };

const offer = (callSid = CALLER): AgentOfferPayload => ({
  callSid,
  queue: 'billing',
  expiresAt: T0 + 20_000,
  ringSeconds: 20,
  profileUrl: `/api/calls/${callSid}/profile`,
  caller: '+86*******8000',
  queuedAt: T0 - 65_000,
});

const state = (name: AgentState, at: number, extra = {}): DeskEvent => ({
  type: 'state',
  state: { state: name, since: at, ...extra },
});

const from = (desk: Desk, ...events: DeskEvent[]) => events.reduce(nextDesk, desk);
const play = (...events: DeskEvent[]) => from(INITIAL_DESK, ...events);

describe('the agent desktop’s state', () => {
  it('goes offer → ringing → on call → wrap-up → available, with the clocks of each step', () => {
    const available = play({ type: 'connected' }, state('available', T0 - 60_000));
    expect(phaseOf(available)).toBe('available');
    expect(secondsInState(available, T0)).toBe(60);

    const ringing = from(available, state('reserved', T0, { callSid: CALLER, queue: 'billing' }), {
      type: 'offer',
      offer: offer(),
    });
    expect(phaseOf(ringing)).toBe('ringing');
    expect(ringSecondsLeft(ringing, T0)).toBe(20);
    expect(ringSecondsLeft(ringing, T0 + 12_300)).toBe(8);
    expect(ringSecondsLeft(ringing, T0 + 25_000)).toBe(0);

    const talking = from(
      ringing,
      state('on-call', T0 + 5_000, { callSid: CALLER, queue: 'billing' }),
      { type: 'held', onHold: true },
      { type: 'muted', muted: true },
    );
    expect(phaseOf(talking)).toBe('on-call');
    expect(talking).toMatchObject({ offer: null, onHold: true, muted: true });
    expect(ringSecondsLeft(talking, T0 + 6_000)).toBeNull();
    expect(secondsInState(talking, T0 + 95_000)).toBe(90);

    const wrapping = nextDesk(talking, state('wrap-up', T0 + 100_000, { callSid: CALLER, queue: 'billing' }));
    expect(wrapping).toMatchObject({ onHold: false, muted: false });
    expect(dispositionDue(wrapping)).toBe(true);
    expect(wrapSecondsLeft(wrapping, T0 + 100_000, WRAP_UP)).toBe(45);
    expect(wrapSecondsLeft(wrapping, T0 + 130_500, WRAP_UP)).toBe(15);
    expect(wrapSecondsLeft(wrapping, T0 + 150_000, { sales: 30 })).toBeNull();

    const disposed = nextDesk(wrapping, { type: 'disposed', callSid: CALLER });
    expect(dispositionDue(disposed)).toBe(false);
    const back = nextDesk(disposed, state('available', T0 + 120_000));
    expect(phaseOf(back)).toBe('available');
    expect(wrapSecondsLeft(back, T0 + 120_000, WRAP_UP)).toBeNull();
    expect(secondsInState(back, T0 + 121_000)).toBe(1);
  });

  it('takes an offer heard before the state that reserves the agent for it', () => {
    const desk = play(
      state('available', T0),
      { type: 'offer', offer: offer() },
      state('reserved', T0 + 10, { callSid: CALLER }),
    );
    expect(ringSecondsLeft(desk, T0 + 10)).toBe(20);
  });

  it('forgets an offer that ended, was answered elsewhere, or belongs to another caller', () => {
    const ringing = play(state('reserved', T0, { callSid: CALLER }), { type: 'offer', offer: offer() });
    expect(nextDesk(ringing, { type: 'offer-ended', callSid: 'CA' + 'b'.repeat(32) }).offer).not.toBeNull();
    expect(nextDesk(ringing, { type: 'offer-ended', callSid: CALLER }).offer).toBeNull();
    expect(nextDesk(ringing, state('available', T0 + 20_000)).offer).toBeNull();
    const stale = play(state('available', T0), { type: 'offer', offer: offer() });
    const other = nextDesk(stale, state('reserved', T0 + 1, { callSid: 'CA' + 'c'.repeat(32) }));
    expect(other.offer).toBeNull();
    expect(ringSecondsLeft(other, T0 + 1)).toBeNull();
  });

  it('keeps the time a state began when Hotline repeats it on a reconnection', () => {
    const before = play({ type: 'connected' }, state('away', T0, { reason: 'lunch' }), {
      type: 'disconnected',
    });
    expect(before.connection).toBe('offline');
    const after = from(before, { type: 'connected' }, state('away', T0 + 40_000, { reason: 'lunch' }));
    expect(after.connection).toBe('online');
    expect(secondsInState(after, T0 + 41_000)).toBe(41);
    expect(
      secondsInState(nextDesk(after, state('away', T0 + 50_000, { reason: 'break' })), T0 + 51_000),
    ).toBe(1);
  });

  it('restores the chosen presence when Hotline signed the agent out during a drop, and only then', () => {
    const chosen = play(
      { type: 'connected' },
      { type: 'presence-chosen', state: 'away', reason: 'break' },
      state('away', T0, { reason: 'break' }),
      { type: 'disconnected' },
    );
    const signedOut = state('offline', T0 + 31_000, { reason: 'disconnected' });
    expect(presenceToRestore(nextDesk(chosen, signedOut))).toBeNull();
    const reconnected = from(chosen, { type: 'connected' }, signedOut);
    expect(presenceToRestore(reconnected)).toEqual({ state: 'away', reason: 'break' });
    expect(
      presenceToRestore(nextDesk(reconnected, state('away', T0 + 32_000, { reason: 'break' }))),
    ).toBeNull();
    expect(presenceToRestore(from(chosen, { type: 'connected' }, state('away', T0 + 1)))).toBeNull();
    const signedOutOnPurpose = from(
      chosen,
      { type: 'presence-chosen', state: 'offline' },
      { type: 'connected' },
      signedOut,
    );
    expect(presenceToRestore(signedOutOnPurpose)).toBeNull();
    const supervisorSignedOut = nextDesk(reconnected, state('offline', T0 + 40_000, { reason: undefined }));
    expect(presenceToRestore(supervisorSignedOut)).toBeNull();
  });

  it('shows durations as m:ss, and h:mm:ss from an hour', () => {
    expect([clockText(0), clockText(59.9), clockText(61), clockText(3600 + 62), clockText(null)]).toEqual([
      '0:00',
      '0:59',
      '1:01',
      '1:01:02',
      '–',
    ]);
  });
});
