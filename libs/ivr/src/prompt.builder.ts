import type { IvrConfig, LanguageTag } from './ivr-config.model';
import type { IvrPrompt } from './ivr-step.model';
import { ownValue } from './own-value.util';

/** A text to be said in a language, with the voice configured for it. */
export function sayIn(config: IvrConfig, language: LanguageTag, text: string): IvrPrompt {
  const voice = ownValue(config.languages, language) ?? config.languages[config.defaultLanguage];
  return { text, voice: voice.voice, language: voice.sayLanguage };
}
