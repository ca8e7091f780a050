/** Swallows the rejection of a timer or request that was cut short on purpose (hang-up, redirect, close). */
export function ignoreAbort(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}

/** A promise with its resolver, for waiting on something another party settles. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves when the signal aborts; never rejects. */
export function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
