import type { QueueConfig } from './acd-config';
import { arrive, at, engineFor, logIn, offers, types } from './test-support/engine-driver';

const voicemail = { kind: 'voicemail' } as const;
const inQ = { queues: [{ queue: 'q' }] };

describe('queue limits', () => {
  it('sends a caller who finds the queue full to the max-waiting route', () => {
    const engine = engineFor([{ name: 'q', maxWaiting: { callers: 2, route: voicemail } }]);
    arrive(engine, 'c1', 'q', 0);
    arrive(engine, 'c2', 'q', 1);
    expect(arrive(engine, 'c3', 'q', 2)).toEqual([
      { type: 'route', at: at(2), callerId: 'c3', queue: 'q', route: voicemail, why: 'max-waiting' },
    ]);
    expect(engine.position('c3')).toBeUndefined();
    engine.callerLeft('c1', at(3));
    expect(arrive(engine, 'c4', 'q', 4)).toEqual([]);
  });

  it('sends a caller who has waited the max wait to its route', () => {
    const engine = engineFor([{ name: 'q', maxWait: { seconds: 120, route: { kind: 'callback' } } }]);
    arrive(engine, 'c', 'q', 0);
    expect(engine.nextDeadline()).toBe(at(120));
    expect(engine.tick(at(200))).toEqual([
      { type: 'route', at: at(120), callerId: 'c', queue: 'q', route: { kind: 'callback' }, why: 'max-wait' },
    ]);
    expect(engine.queueStatus('q').waiting).toBe(0);
  });

  it('lets a ringing offer finish and routes at max wait only if it is missed', () => {
    const engine = engineFor([{ name: 'q', ringSeconds: 20, maxWait: { seconds: 30, route: voicemail } }]);
    arrive(engine, 'c', 'q', 0);
    logIn(engine, 'a', inQ, 25);
    expect(engine.tick(at(30))).toEqual([]);
    expect(types(engine.tick(at(45)))).toEqual(['offer-expired', 'route']);
  });

  it('moves the caller into the route queue, as a new arrival there', () => {
    const engine = engineFor([
      { name: 'q', maxWait: { seconds: 60, route: { kind: 'queue', target: 'backup' } } },
      { name: 'backup' },
    ]);
    logIn(engine, 'b', { queues: [{ queue: 'backup' }] }, 0);
    arrive(engine, 'c', 'q', 0);
    const moved = engine.tick(at(60));
    expect(types(moved)).toEqual(['route', 'offer']);
    expect(moved[1]).toMatchObject({ callerId: 'c', agentId: 'b', queue: 'backup' });
  });

  describe('when no agent is logged in', () => {
    const queue = (afterSeconds?: number): QueueConfig => ({
      name: 'q',
      noAgents: { route: voicemail, afterSeconds },
    });

    it('routes at once by default', () => {
      const engine = engineFor([queue()]);
      expect(arrive(engine, 'c', 'q', 0)).toEqual([
        { type: 'route', at: at(0), callerId: 'c', queue: 'q', route: voicemail, why: 'no-agents' },
      ]);
    });

    it('routes after the grace time unless an agent logs in', () => {
      const engine = engineFor([queue(30)]);
      engine.agentProfileSet('a', inQ, at(0));
      arrive(engine, 'early', 'q', 0);
      arrive(engine, 'late', 'q', 20);
      expect(types(engine.tick(at(30)))).toEqual(['route']);
      expect(offers(engine.agentPresenceChanged('a', 'away', at(40)))).toEqual([]);
      expect(engine.tick(at(100))).toEqual([]);
      expect(engine.position('late')).toBeDefined();
    });

    it('starts the clock when the last agent logs out, for the callers then waiting', () => {
      const engine = engineFor([queue(30)]);
      logIn(engine, 'a', inQ, 0);
      arrive(engine, 'c1', 'q', 1);
      engine.offerAnswered('c1', at(1));
      arrive(engine, 'c2', 'q', 2);
      engine.dispositionRecorded('a', at(3));
      engine.agentPresenceChanged('a', 'offline', at(10));
      engine.callEnded('a', at(20));
      expect(engine.nextDeadline()).toBe(at(50));
      arrive(engine, 'c3', 'q', 40);
      const routed = engine.tick(at(70));
      expect(routed.map((decision) => decision.type === 'route' && [decision.callerId, decision.at])).toEqual(
        [
          ['c2', at(50)],
          ['c3', at(70)],
        ],
      );
    });

    it('keeps callers waiting when the queue has no no-agents route', () => {
      const engine = engineFor([{ name: 'q' }]);
      arrive(engine, 'c', 'q', 0);
      expect(engine.nextDeadline()).toBeUndefined();
      expect(engine.tick(at(3600))).toEqual([]);
    });

    it('counts the agents of the overflow queue', () => {
      const engine = engineFor([
        { ...queue(), overflow: { afterSeconds: 60, queue: 'other' } },
        { name: 'other' },
      ]);
      logIn(engine, 'o', { queues: [{ queue: 'other' }] }, 0);
      engine.agentPresenceChanged('o', 'away', at(0));
      expect(arrive(engine, 'c', 'q', 1)).toEqual([]);
    });
  });
});
