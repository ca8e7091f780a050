import { CallLeg } from '../calls/call-leg';
import { DocumentSource } from '../calls/document-source';
import { DocumentMode } from '../twiml/twiml-schema';
import { SimServices } from './verb-context';

/** A wait document that plays nothing would be requested in a tight loop; Twilio paces it, so do we. */
const MIN_ROUND_SECONDS = 1;

/**
 * The hold loop: plays the wait (or hold) document, and when it runs out requests it again, until
 * it says Leave or Hangup or the signal aborts. Without a URL, Twilio's default music plays.
 */
export async function runWaitLoop(
  services: SimServices,
  leg: CallLeg,
  source: () => DocumentSource | undefined,
  mode: DocumentMode,
  signal: AbortSignal,
): Promise<'leave' | 'hangup'> {
  const { clock, runner, timings } = services;
  for (;;) {
    const started = clock.nowMs();
    const document = source();
    if (!document) {
      leg.record({ type: 'play', url: timings.holdMusicUrl, loop: 1, context: mode });
      await clock.sleep(timings.playSeconds, signal);
      continue;
    }
    const outcome = await runner.runChain(leg, document, mode, signal);
    if (outcome.kind === 'leave' || outcome.kind === 'hangup') return outcome.kind;
    if ((clock.nowMs() - started) / 1000 < MIN_ROUND_SECONDS) await clock.sleep(MIN_ROUND_SECONDS, signal);
  }
}
