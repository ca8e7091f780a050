import type { LanguageTag, MenuOption } from './ivr-config.model';
import type { IvrInput } from './ivr-step.model';

export type MenuAnswer = { kind: 'chosen'; option: MenuOption } | { kind: 'invalid' } | { kind: 'none' };

/**
 * Reads a caller's answer to a menu. Speech picks the option whose keyword comes first in what was
 * said (the longer keyword when two start at the same place), so "billing, not sales" is billing;
 * saying an option's digit counts as pressing it.
 */
export function matchMenuAnswer(
  options: readonly MenuOption[],
  input: IvrInput,
  language: LanguageTag,
  minConfidence: number,
): MenuAnswer {
  if (input.kind === 'none') return { kind: 'none' };
  if (input.kind === 'digits') return chosenOrInvalid(options.find((o) => o.digit === input.digits));
  const said = input.text.trim().toLowerCase();
  if (said === '') return { kind: 'none' };
  if (input.confidence < minConfidence) return { kind: 'invalid' };
  const byDigit = options.find((o) => o.digit === said);
  return chosenOrInvalid(byDigit ?? earliestKeywordMatch(options, said, language));
}

function earliestKeywordMatch(
  options: readonly MenuOption[],
  said: string,
  language: LanguageTag,
): MenuOption | undefined {
  let best: { option: MenuOption; at: number; length: number } | undefined;
  for (const option of options) {
    for (const keyword of option.keywords[language] ?? []) {
      const at = said.indexOf(keyword);
      const better = best === undefined || at < best.at || (at === best.at && keyword.length > best.length);
      if (at >= 0 && better) best = { option, at, length: keyword.length };
    }
  }
  return best?.option;
}

function chosenOrInvalid(option: MenuOption | undefined): MenuAnswer {
  return option ? { kind: 'chosen', option } : { kind: 'invalid' };
}
