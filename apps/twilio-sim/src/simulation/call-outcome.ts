import { ObservedCall } from './stand-in-client';

/** How a call ended, as the caller lived it: the same terms as Hotline's call outcomes. */
export type SimulatedOutcome =
  'answered' | 'abandoned' | 'callback' | 'routed-elsewhere' | 'ivr-hangup' | 'in-progress';

export interface ClassifiedCall {
  outcome: SimulatedOutcome;
  /** The caller entered a queue: the call was offered (an in-progress call may be either). */
  queued: boolean;
  /** Seconds from entering the queue to reaching an agent or leaving the line (docs/metrics.md). */
  waitSeconds?: number;
}

/**
 * Classifies a call from the stand-in's view alone. Reached an agent's softphone: answered. Left
 * the queue by `<Leave>` (the caller pressed 1 for a call back): callback. Hung up before any
 * agent: abandoned. Taken off the line by Hotline otherwise (voicemail, a message): routed
 * elsewhere. Never queued: hung up in the IVR. Not over yet: in progress.
 */
export function classifyCall(call: ObservedCall): ClassifiedCall {
  const stay = call.queues[0];
  const queued = stay !== undefined;
  if (call.endedAt === undefined) return { outcome: 'in-progress', queued };
  if (!stay) return { outcome: 'ivr-hangup', queued };
  const waitedUntil = (ms: number) => Math.max(0, (ms - stay.enteredAt) / 1000);
  const agent = call.talkedTo.find((talk) => talk.party.startsWith('client:'));
  if (agent) return { outcome: 'answered', queued, waitSeconds: waitedUntil(agent.from) };
  if (stay.result === 'leave') return { outcome: 'callback', queued, waitSeconds: stay.waitSeconds };
  if (call.endedBy === 'caller')
    return { outcome: 'abandoned', queued, waitSeconds: waitedUntil(call.endedAt) };
  return { outcome: 'routed-elsewhere', queued, waitSeconds: stay.waitSeconds ?? waitedUntil(call.endedAt) };
}
