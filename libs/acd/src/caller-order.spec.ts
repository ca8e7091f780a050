import fc from 'fast-check';
import type { AcdDecision } from './acd-decision';
import { arrive, at, engineFor, logIn, offers, talk, TIERS } from './test-support/engine-driver';

const queue = { name: 'q', wrapUpSeconds: 0 };
const profile = { queues: [{ queue: 'q' }] };

describe('caller order by score = time entered - head start', () => {
  it('serves by score across tiers, ties by entry time', () => {
    const engine = engineFor([queue]);
    arrive(engine, 'std-0', 'q', 0);
    arrive(engine, 'gold-30', 'q', 30, { tier: 'gold' }); // score -30
    arrive(engine, 'std-10', 'q', 10);
    arrive(engine, 'gold-60', 'q', 60, { tier: 'gold' }); // score 0, ties std-0 which entered first
    arrive(engine, 'gold-100', 'q', 100, { tier: 'gold' }); // score 40

    const served = [offers(logIn(engine, 'a', profile, 200))[0]];
    for (let i = 0; i < 4; i++) {
      const [callerId] = served[served.length - 1].split('>');
      served.push(offers(talk(engine, callerId, 'a', 200 + i * 10, 5))[0]);
    }
    expect(served).toEqual(['gold-30>a', 'std-0>a', 'gold-60>a', 'std-10>a', 'gold-100>a']);
  });

  it('gives positions by score: a VIP sees fewer callers ahead', () => {
    const engine = engineFor([queue]);
    arrive(engine, 'a', 'q', 0);
    arrive(engine, 'b', 'q', 10);
    arrive(engine, 'c', 'q', 20);
    arrive(engine, 'vip', 'q', 40, { tier: 'gold' }); // score -20
    arrive(engine, 'late-vip', 'q', 75, { tier: 'gold' }); // score 15: after a and b, before c
    expect(engine.position('vip')?.ahead).toBe(0);
    expect(engine.position('a')?.ahead).toBe(1);
    expect(engine.position('c')?.ahead).toBe(4);
    expect(engine.position('late-vip')?.ahead).toBe(3);
    expect(engine.position('late-vip')).toMatchObject({ state: 'waiting', agentsServing: 0, agentsFree: 0 });
  });

  it('never lets a caller overtake one who entered more than the head-start difference earlier', () => {
    const arrival = fc.record({
      gapSeconds: fc.integer({ min: 0, max: 90 }),
      tier: fc.constantFrom(...TIERS.map((tier) => tier.name)),
      talkSeconds: fc.integer({ min: 1, max: 200 }),
    });
    fc.assert(
      fc.property(
        fc.array(arrival, { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 1, max: 3 }),
        (arrivals, agentCount) => {
          const engine = engineFor([queue]);
          const headStart = new Map(TIERS.map((tier) => [tier.name, tier.headStartSeconds]));
          const entered = new Map<string, { at: number; headStart: number }>();
          const busyUntil: { agentId: string; callerId: string; until: number }[] = [];
          const served: { callerId: string; at: number }[] = [];
          const waitingAt = (time: number) =>
            [...entered.keys()].filter(
              (id) => entered.get(id)!.at <= time && !served.some((s) => s.callerId === id),
            );
          const record = (decisions: AcdDecision[], time: number) => {
            for (const decision of decisions) {
              if (decision.type !== 'offer') continue;
              const waiting = waitingAt(time);
              const chosen = entered.get(decision.callerId)!;
              for (const other of waiting) {
                const rival = entered.get(other)!;
                // nobody chosen may have entered later than a waiting rival by more than its extra head start
                expect(chosen.at - rival.at).toBeLessThanOrEqual(chosen.headStart - rival.headStart);
              }
              served.push({ callerId: decision.callerId, at: time });
              const talkSeconds = arrivals[Number(decision.callerId)].talkSeconds;
              busyUntil.push({
                agentId: decision.agentId,
                callerId: decision.callerId,
                until: time + talkSeconds,
              });
              engine.offerAnswered(decision.callerId, at(time));
            }
          };
          for (let i = 0; i < agentCount; i++) record(logIn(engine, `agent-${i}`, profile, 0), 0);
          let time = 0;
          const finishCallsUntil = (limit: number) => {
            busyUntil.sort((a, b) => a.until - b.until);
            while (busyUntil.length > 0 && busyUntil[0].until <= limit) {
              const call = busyUntil.shift()!;
              record(engine.callEnded(call.agentId, at(call.until)), call.until);
            }
          };
          arrivals.forEach((next, index) => {
            time += next.gapSeconds;
            finishCallsUntil(time);
            entered.set(String(index), { at: time, headStart: headStart.get(next.tier)! });
            record(arrive(engine, String(index), 'q', time, { tier: next.tier }), time);
          });
          finishCallsUntil(Number.POSITIVE_INFINITY);
          expect(served.map((s) => s.callerId).sort()).toEqual([...entered.keys()].sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
