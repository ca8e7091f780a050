import { UpdateThrottle } from './update-throttle';

describe('UpdateThrottle', () => {
  let time: number;
  let sent: Array<[number, string[]]>;
  let throttle: UpdateThrottle;

  beforeEach(() => {
    jest.useFakeTimers();
    time = 0;
    sent = [];
    throttle = new UpdateThrottle(
      250,
      (keys) => sent.push([time, keys.sort()]),
      () => time,
    );
  });
  afterEach(() => {
    throttle.close();
    jest.useRealTimers();
  });

  function advance(ms: number): void {
    for (let i = 0; i < ms; i++) {
      time += 1;
      jest.advanceTimersByTime(1);
    }
  }

  it('sends the first change at once and coalesces the next ones to one send per interval', () => {
    throttle.mark(['billing']);
    advance(1);
    expect(sent).toEqual([[1, ['billing']]]);
    for (let i = 0; i < 10; i++) {
      throttle.mark(['billing']);
      advance(50);
    }
    // Changes over 500 ms after the first send: one send at 251 and one at 501, never closer.
    expect(sent).toEqual([
      [1, ['billing']],
      [251, ['billing']],
      [501, ['billing']],
    ]);
  });

  it('keeps each key on its own schedule and sends keys that are due together', () => {
    throttle.mark(['billing']);
    advance(100);
    throttle.mark(['billing', 'sales']);
    advance(1);
    expect(sent).toEqual([
      [1, ['billing']],
      [101, ['sales']],
    ]);
    advance(200);
    expect(sent).toEqual([
      [1, ['billing']],
      [101, ['sales']],
      [251, ['billing']],
    ]);
  });

  it('sends nothing after close', () => {
    throttle.mark(['billing']);
    throttle.close();
    advance(500);
    expect(sent).toEqual([]);
  });
});
