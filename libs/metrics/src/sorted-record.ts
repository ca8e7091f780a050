/** A record with keys in sorted order, so the same figures always serialise the same. */
export function sortedRecord<T>(names: Iterable<string>, figure: (name: string) => T): Record<string, T> {
  return Object.fromEntries([...names].sort().map((name) => [name, figure(name)]));
}
