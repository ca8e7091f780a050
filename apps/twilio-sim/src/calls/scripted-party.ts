import { ignoreAbort } from '../core/aborts';
import { SimClock } from '../core/sim-clock';
import {
  CallerScript,
  GatherAnswer,
  GatherPrompt,
  Party,
  RecordedMessage,
  ScriptedGatherAnswer,
} from './caller-script';
import { CallLeg } from './call-leg';

/**
 * Plays a CallerScript on one leg: answers Gathers and Records from the script, and hangs up when
 * the caller's patience, talk time or maximum duration runs out.
 */
export class ScriptedParty implements Party {
  private patienceTimer?: AbortController;

  constructor(
    private readonly script: CallerScript,
    private readonly leg: CallLeg,
    private readonly clock: SimClock,
  ) {}

  /** Arms the script's timers on the leg; call once, when the person is put on the leg. */
  attach(): void {
    const { patience, talkSeconds, maxDurationSeconds } = this.script;
    if (maxDurationSeconds !== undefined) {
      const arm = () => this.hangUpAfter(maxDurationSeconds, this.leg.signal);
      if (this.leg.isAnswered) arm();
      else this.leg.on('status', (status) => status === 'in-progress' && arm());
    }
    if (patience !== undefined) {
      this.leg.once('waiting', () => {
        if (this.leg.isConnected) return;
        this.patienceTimer = new AbortController();
        this.hangUpAfter(patience, AbortSignal.any([this.patienceTimer.signal, this.leg.signal]));
      });
    }
    this.leg.on('connected', () => {
      this.patienceTimer?.abort();
      if (talkSeconds !== undefined) this.hangUpAfter(talkSeconds, this.leg.signal);
    });
  }

  answerGather(prompt: GatherPrompt): GatherAnswer | undefined {
    const { gather } = this.script;
    const answer: ScriptedGatherAnswer =
      typeof gather === 'function' ? gather(prompt) : gather ? gather[prompt.index] : undefined;
    return typeof answer === 'string' ? { digits: answer } : answer;
  }

  recordMessage(): RecordedMessage | undefined {
    return this.script.voicemail;
  }

  private hangUpAfter(seconds: number, signal: AbortSignal): void {
    ignoreAbort(this.clock.sleep(seconds, signal).then(() => this.leg.hangUp('caller')));
  }
}
