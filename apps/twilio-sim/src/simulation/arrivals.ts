import { exponential, RandomSource } from './random-source';

/** Milliseconds of wall-clock time between one arrival and the next. */
export type Arrivals = Iterator<number>;

/** A Poisson process: exponential gaps of mean 1/rate, `ratePerSecond` calls per wall-clock second. */
export function* poissonArrivals(ratePerSecond: number, random: RandomSource): Generator<number> {
  if (!(ratePerSecond > 0)) throw new Error(`the arrival rate must be above 0, got ${ratePerSecond}`);
  for (;;) yield exponential(random, 1000 / ratePerSecond);
}

/** Arrivals at given times (ms after the start, ascending), for runs that must be reproduced exactly. */
export function* scriptedArrivals(atMs: readonly number[]): Generator<number> {
  let previous = 0;
  for (const at of atMs) {
    yield Math.max(0, at - previous);
    previous = at;
  }
}
