import { MappingReader, childKey, describe, type ProblemLog } from './config.reader';
import type { LanguageTag, LocalizedText } from './ivr-config.model';
import { placeholdersOf } from './text.template';

/**
 * A text in each of `languages`, no more and no fewer, using only the `{placeholders}` the place
 * it is said in can fill.
 */
export function readLocalizedText(
  log: ProblemLog,
  key: string,
  raw: unknown,
  languages: readonly LanguageTag[],
  placeholders: readonly string[] = [],
): LocalizedText {
  const text = MappingReader.open(log, key, raw);
  const result: Record<LanguageTag, string> = {};
  if (text === undefined) return result;
  for (const [language, value] of text.entries()) {
    if (value === undefined) continue;
    if (!languages.includes(language)) {
      log.add(text.at(language), `language "${language}" is not spoken here (only ${languages.join(', ')})`);
    }
    if (typeof value !== 'string' || value.trim() === '') {
      log.add(text.at(language), `must be a non-empty string, not ${describe(value)}`);
      continue;
    }
    for (const name of placeholdersOf(value).filter((p) => !placeholders.includes(p))) {
      const allowed = placeholders.length === 0 ? 'none here' : placeholders.map((p) => `{${p}}`).join(', ');
      log.add(text.at(language), `unknown placeholder {${name}} (allowed: ${allowed})`);
    }
    result[language] = value;
  }
  for (const language of languages.filter((l) => !text.has(l))) {
    log.add(childKey(key, language), 'missing: every text is needed in each language');
  }
  return result;
}
