/** Uniform numbers in [0, 1): injected so that a simulation can be replayed from a seed. */
export type RandomSource = () => number;

/** mulberry32: small, fast and good enough to draw arrivals and choices from a seed. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponentially distributed duration: Poisson gaps, patience, handle times (Erlang's assumptions). */
export function exponential(random: RandomSource, mean: number): number {
  return -Math.log(1 - random()) * mean;
}

/** A key drawn with probability proportional to its weight. */
export function weightedPick<K extends string>(
  random: RandomSource,
  weights: Readonly<Record<K, number>>,
): K {
  const entries = (Object.entries(weights) as Array<[K, number]>).filter(([, weight]) => weight > 0);
  if (entries.length === 0) throw new Error('nothing to pick from: every weight is 0');
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let point = random() * total;
  for (const [key, weight] of entries) {
    point -= weight;
    if (point < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** Around a mean: uniform between half and one and a half times it, for delays that vary a little. */
export function around(random: RandomSource, mean: number): number {
  return mean * (0.5 + random());
}
