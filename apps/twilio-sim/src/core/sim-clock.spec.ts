import { SimClock } from './sim-clock';

describe('SimClock', () => {
  it('runs simulated time 1/timeScale as fast as the wall clock', async () => {
    const clock = new SimClock(0.01, 0);
    const start = clock.nowMs();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // 50 ms of wall clock is 5 simulated seconds (timers may fire a little late, never much).
    expect(clock.nowMs() - start).toBeGreaterThanOrEqual(4_900);
    expect(clock.nowMs() - start).toBeLessThan(15_000);
  });

  it('never wakes a sleeper before its simulated time, even by a fraction of a second', async () => {
    // At this scale one millisecond is half a simulated second: an early timer would show.
    const clock = new SimClock(0.002);
    for (let round = 0; round < 60; round++) {
      const start = clock.nowMs();
      await clock.sleep(1);
      expect(clock.nowMs() - start).toBeGreaterThanOrEqual(1000);
    }
  });

  it('rejects a sleep with the reason of its aborted signal, at once', async () => {
    const clock = new SimClock(1);
    const controller = new AbortController();
    const sleeping = clock.sleep(60, controller.signal);
    controller.abort(new Error('caller hung up'));
    await expect(sleeping).rejects.toThrow('caller hung up');
    await expect(clock.sleep(1, controller.signal)).rejects.toThrow('caller hung up');
  });

  it('ends every sleep, current and later, with its reason once stopped', async () => {
    const clock = new SimClock(1);
    const controller = new AbortController();
    const sleeping = [clock.sleep(3600), clock.sleep(3600, controller.signal)];
    clock.stop(new Error('stand-in closed'));
    for (const sleep of sleeping) await expect(sleep).rejects.toThrow('stand-in closed');
    await expect(clock.sleep(3600)).rejects.toThrow('stand-in closed');
  });
});
