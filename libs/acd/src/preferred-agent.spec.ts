import { answer, arrive, at, engineFor, logIn, offers } from './test-support/engine-driver';

const inQ = { queues: [{ queue: 'q' }] };

function twoAgentsPreferredBusy() {
  const engine = engineFor([{ name: 'q', wrapUpSeconds: 0 }]);
  logIn(engine, 'owner', inQ, 0);
  arrive(engine, 'busy', 'q', 0);
  answer(engine, 'busy', 'owner', 0);
  logIn(engine, 'other', inQ, 1);
  return engine;
}

describe('preferred agent', () => {
  it('offers the caller only to the preferred agent until the preference expires', () => {
    const engine = twoAgentsPreferredBusy();
    const preferredAgent = { agentId: 'owner', until: at(60) };
    expect(offers(arrive(engine, 'repeat', 'q', 10, { preferredAgent }))).toEqual([]);
    expect(engine.position('repeat')).toMatchObject({
      state: 'preferred',
      ahead: 0,
      agentsServing: 1,
      agentsFree: 0,
    });
    const ended = engine.callEnded('owner', at(30));
    expect(ended.find((decision) => decision.type === 'offer')).toMatchObject({
      callerId: 'repeat',
      agentId: 'owner',
      via: 'preferred',
    });
  });

  it('gives the caller to the queue, score kept, once the preference expires', () => {
    const engine = twoAgentsPreferredBusy();
    arrive(engine, 'repeat', 'q', 10, { preferredAgent: { agentId: 'owner', until: at(60) } });
    expect(engine.nextDeadline()).toBe(at(60));
    expect(offers(engine.tick(at(60)))).toEqual(['repeat>other']);
  });

  it('falls through at once when the preferred agent is not logged in', () => {
    const engine = engineFor([{ name: 'q' }]);
    engine.agentProfileSet('owner', inQ, at(0));
    logIn(engine, 'other', inQ, 0);
    const preferredAgent = { agentId: 'owner', until: at(60) };
    expect(offers(arrive(engine, 'repeat', 'q', 10, { preferredAgent }))).toEqual(['repeat>other']);
    const unknown = { agentId: 'nobody', until: at(60) };
    expect(offers(arrive(engine, 'another', 'q', 11, { preferredAgent: unknown }))).toEqual([]);
    expect(engine.position('another')?.state).toBe('waiting');
  });

  it('falls through when the preferred agent logs out or misses the offer', () => {
    const engine = twoAgentsPreferredBusy();
    arrive(engine, 'r1', 'q', 10, { preferredAgent: { agentId: 'owner', until: at(600) } });
    engine.agentPresenceChanged('other', 'away', at(11));
    engine.agentPresenceChanged('owner', 'offline', at(12));
    expect(engine.position('r1')?.state).toBe('preferred');
    engine.callEnded('owner', at(13)); // the logout takes effect after the call
    expect(engine.agent('owner')?.state).toBe('offline');
    expect(engine.position('r1')?.state).toBe('waiting');

    const engine2 = twoAgentsPreferredBusy();
    arrive(engine2, 'r2', 'q', 10, { preferredAgent: { agentId: 'owner', until: at(600) } });
    engine2.agentPresenceChanged('other', 'away', at(11));
    expect(offers(engine2.callEnded('owner', at(20)))).toEqual(['r2>owner']);
    engine2.offerMissed('r2', 'declined', at(21));
    expect(offers(engine2.agentPresenceChanged('other', 'available', at(22)))).toEqual(['r2>other']);
  });
});

describe('limits while held for a preferred agent', () => {
  it('still sends the caller away at the max wait', () => {
    const engine = engineFor([{ name: 'q', maxWait: { seconds: 30, route: { kind: 'voicemail' } } }]);
    logIn(engine, 'owner', inQ, 0);
    engine.agentPresenceChanged('owner', 'away', at(0));
    arrive(engine, 'repeat', 'q', 0, { preferredAgent: { agentId: 'owner', until: at(600) } });
    expect(engine.tick(at(30))).toMatchObject([
      { type: 'route', callerId: 'repeat', why: 'max-wait', at: at(30) },
    ]);
  });
});

describe('a caller who keeps an earlier place', () => {
  it('is ordered by the time they first entered', () => {
    const engine = engineFor([{ name: 'q' }]);
    arrive(engine, 'new', 'q', 100);
    engine.callerEntered({ callerId: 'callback', queue: 'q', tier: 'standard', enteredAt: at(40) }, at(101));
    expect(engine.position('callback')?.ahead).toBe(0);
    expect(offers(logIn(engine, 'a', inQ, 102))).toEqual(['callback>a']);
  });
});
