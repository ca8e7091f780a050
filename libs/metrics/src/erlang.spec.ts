import { agentsForServiceLevel, erlangB, erlangC, erlangCStaffing, trafficErlangs } from './erlang';

describe('Erlang C', () => {
  // Published example: 360 calls in 30 min, AHT 240 s, 55 agents, t = 15 s.
  const example = { arrivalsPerSecond: 360 / 1800, ahtSeconds: 240, agents: 55 };

  it('reproduces the published example', () => {
    const figures = erlangCStaffing(example, 15);
    expect(figures.trafficErlangs).toBeCloseTo(48, 10);
    expect(figures.waitProbability).toBeCloseTo(0.2387, 4);
    expect(figures.asaSeconds).toBeCloseTo(8.184, 3);
    expect(figures.serviceLevel).toBeCloseTo(0.8459, 4);
    expect(figures.occupancy).toBeCloseTo(48 / 55, 10);
  });

  it('follows the Erlang B recursion', () => {
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 12);
    expect(erlangC(1, 2)).toBeCloseTo(1 / 3, 12);
  });

  it('has every caller wait, and no finite ASA, when agents do not exceed the traffic', () => {
    const figures = erlangCStaffing({ arrivalsPerSecond: 0.2, ahtSeconds: 240, agents: 48 }, 15);
    expect(figures).toMatchObject({ waitProbability: 1, serviceLevel: 0, asaSeconds: null, occupancy: 1 });
  });

  it('finds the fewest agents reaching a target service level', () => {
    const target = { arrivalsPerSecond: 0.2, ahtSeconds: 240, thresholdSeconds: 15, serviceLevel: 0.845 };
    const figures = agentsForServiceLevel(target);
    expect(figures.agents).toBe(55);
    expect(figures.serviceLevel).toBeCloseTo(erlangCStaffing(example, 15).serviceLevel, 12);
    expect(erlangCStaffing({ ...example, agents: 54 }, 15).serviceLevel).toBeLessThan(0.845);
    expect(agentsForServiceLevel({ ...target, serviceLevel: 0.8459 }).agents).toBe(56);
  });

  it('refuses a target that can never be reached', () => {
    const target = { arrivalsPerSecond: 0.2, ahtSeconds: 240, thresholdSeconds: 15 };
    expect(() => agentsForServiceLevel({ ...target, serviceLevel: 1 })).toThrow(RangeError);
    expect(() => agentsForServiceLevel({ ...target, serviceLevel: 0 })).toThrow(RangeError);
  });

  it('computes traffic in Erlangs', () => {
    expect(trafficErlangs(0.5, 180)).toBe(90);
  });
});
