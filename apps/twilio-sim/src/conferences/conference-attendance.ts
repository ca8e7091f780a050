import { whenAborted } from '../core/aborts';
import { DocumentSource } from '../calls/document-source';
import { SimServices } from '../execution/verb-context';
import { runWaitLoop } from '../execution/wait-loop';
import { ConferenceRoom } from './conference-room';
import { DepartureReason, Participant } from './participant';

/**
 * Keeps a participant in a room until they leave it: kicked, the room ends, their call ends or is
 * redirected (`signal`). Meanwhile they hear the wait music while the room has not started and the
 * hold music while on hold; a failing music URL is reported and leaves them in silence.
 */
export async function attendConference(
  services: SimServices,
  room: ConferenceRoom,
  participant: Participant,
  signal: AbortSignal,
): Promise<DepartureReason> {
  const leg = participant.leg;
  const gone = whenAborted(signal).then(() => 'gone' as const);
  const departed = participant.departed.then(() => 'departed' as const);
  for (;;) {
    const music = new AbortController();
    const changed = new Promise<'changed'>((resolve) =>
      participant.once('changed', () => resolve('changed')),
    );
    const source = musicFor(room, participant);
    if (source !== null) {
      runWaitLoop(
        services,
        leg,
        () => source,
        'conference-wait',
        AbortSignal.any([signal, music.signal]),
      ).catch((err: unknown) => {
        if (!music.signal.aborted && !signal.aborted) services.runner.report(leg, err);
      });
    }
    const event = await Promise.race([gone, departed, changed]);
    music.abort();
    participant.removeAllListeners('changed');
    if (event === 'departed') return participant.departed;
    if (event === 'gone') {
      const reason = leg.isEnded ? 'hangup' : 'redirected';
      room.leave(participant, reason);
      return reason;
    }
  }
}

/** null is silence; undefined is Twilio's default music. */
function musicFor(room: ConferenceRoom, participant: Participant): DocumentSource | undefined | null {
  const s = participant.settings;
  if (s.hold)
    return s.holdUrl ? { kind: 'url', url: s.holdUrl, method: s.holdMethod, purpose: 'hold' } : undefined;
  if (room.isStarted) return null;
  if (s.waitUrl === '') return null;
  return s.waitUrl
    ? { kind: 'url', url: s.waitUrl, method: s.waitMethod, purpose: 'conference-wait' }
    : undefined;
}
