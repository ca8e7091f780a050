import { Arrivals } from './arrivals';
import { CallerMix, CallerProfile } from './caller-mix';
import { StandInClient } from './stand-in-client';

/** The hotline's number simulated callers dial (any E.164 number: the stand-in serves one number). */
export const SIMULATED_HOTLINE_NUMBER = '+864000000000';

export interface PlacedCall {
  sid: string;
  profile: CallerProfile;
}

export interface TrafficOptions {
  /** The number simulated callers dial. */
  hotlineNumber: string;
  /** Stop after this many calls; without it, run until the signal aborts. */
  calls?: number;
  signal: AbortSignal;
  onPlaced(call: PlacedCall): void;
  onFailed(problem: string): void;
}

/**
 * Places simulated callers at the stand-in on an open-loop schedule: each arrival has its intended
 * time, and a slow answer from the stand-in or Hotline delays no later arrival.
 */
export async function runTraffic(
  standIn: StandInClient,
  mix: CallerMix,
  arrivals: Arrivals,
  options: TrafficOptions,
): Promise<void> {
  const started = Date.now();
  let due = 0;
  const placing = new Set<Promise<void>>();
  for (let placed = 0; options.calls === undefined || placed < options.calls; placed++) {
    const gap = arrivals.next();
    if (gap.done) break;
    due += gap.value;
    if (!(await sleepUntil(started + due, options.signal))) break;
    const profile = mix.next();
    const placement = standIn.placeCall(profile.number, options.hotlineNumber, profile.plan).then(
      (sid) => options.onPlaced({ sid, profile }),
      (error: unknown) => options.onFailed(error instanceof Error ? error.message : String(error)),
    );
    // The sandbox places calls for days: only the calls still being placed are kept.
    placing.add(placement);
    void placement.finally(() => placing.delete(placement));
  }
  await Promise.all([...placing]);
}

function sleepUntil(at: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', stop);
        resolve(true);
      },
      Math.max(0, at - Date.now()),
    );
    signal.addEventListener('abort', stop, { once: true });
  });
}
