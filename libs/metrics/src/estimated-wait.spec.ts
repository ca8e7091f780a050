import { announceWait, estimateWaitSeconds } from './estimated-wait';

describe('estimated wait', () => {
  const busy = { callersAhead: 2, agents: 4, availableAgents: 0, ahtSeconds: 240, secondsToNextRelease: 0 };

  it('is (k + 1) · AHT / N with all agents busy', () => {
    expect(estimateWaitSeconds(busy)).toBe(180);
  });

  it('adds the time to the next release from wrap-up', () => {
    expect(estimateWaitSeconds({ ...busy, secondsToNextRelease: 25 })).toBe(205);
  });

  it('is nothing when a free agent is left for the caller', () => {
    expect(estimateWaitSeconds({ ...busy, availableAgents: 3, secondsToNextRelease: 25 })).toBe(0);
  });

  it('lets free agents take callers ahead first', () => {
    expect(estimateWaitSeconds({ ...busy, availableAgents: 1 })).toBe(120);
  });

  it('is unknown when no agent serves the queue', () => {
    expect(estimateWaitSeconds({ ...busy, agents: 0 })).toBeNull();
  });

  it('is announced rounded up to the minute, or as less than two minutes', () => {
    expect(announceWait(119)).toEqual({ kind: 'less-than-two-minutes' });
    expect(announceWait(120)).toEqual({ kind: 'minutes', minutes: 2 });
    expect(announceWait(121)).toEqual({ kind: 'minutes', minutes: 3 });
  });
});
