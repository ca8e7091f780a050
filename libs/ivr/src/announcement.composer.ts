import type { IvrConfig, LanguageTag, LocalizedText } from './ivr-config.model';
import type { IvrPrompt } from './ivr-step.model';
import { sayIn } from './prompt.builder';
import { fillTemplate } from './text.template';

const SHORT_WAIT_SECONDS = 120;

export interface QueueWait {
  /** 1 for the caller next in line. */
  position: number;
  /** Estimated wait; left out of the announcement when unknown. */
  ewtSeconds?: number;
}

/** "You are number 3 in line. Your estimated wait is about 4 minutes." in the caller's language. */
export function composeWaitAnnouncement(
  config: IvrConfig,
  language: LanguageTag,
  wait: QueueWait,
): IvrPrompt[] {
  const { position, estimate, estimateShort } = config.announcements;
  const prompts = [say(config, language, position, { position: String(wait.position) })];
  if (wait.ewtSeconds === undefined) return prompts;
  // Short waits are not worth a number ("less than 2 minutes"); longer ones are rounded up, so
  // that the caller is never promised less than the estimate.
  if (wait.ewtSeconds < SHORT_WAIT_SECONDS) prompts.push(say(config, language, estimateShort, {}));
  else prompts.push(say(config, language, estimate, { minutes: String(Math.ceil(wait.ewtSeconds / 60)) }));
  return prompts;
}

/** "Press 1 to be called back and keep your place." */
export function callbackOfferPrompt(config: IvrConfig, language: LanguageTag): IvrPrompt {
  return say(config, language, config.announcements.callbackOffer, {});
}

/** "We will call you back when it is your turn." */
export function callbackConfirmedPrompt(config: IvrConfig, language: LanguageTag): IvrPrompt {
  return say(config, language, config.announcements.callbackConfirmed, {});
}

/** Said before hanging up when the server cannot go on with the call. */
export function apologyPrompt(config: IvrConfig, language: LanguageTag): IvrPrompt {
  return say(config, language, config.announcements.apology, {});
}

function say(
  config: IvrConfig,
  language: LanguageTag,
  text: LocalizedText,
  values: Readonly<Record<string, string>>,
): IvrPrompt {
  const spoken = Object.hasOwn(text, language) ? language : config.defaultLanguage;
  return sayIn(config, spoken, fillTemplate(text[spoken], values) ?? text[spoken]);
}
