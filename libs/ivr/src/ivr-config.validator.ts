import { readBusinessHours, type HoursValidationOptions } from './business-hours.validator';
import { MappingReader, ProblemLog, type ConfigProblem } from './config.reader';
import type {
  BusinessHours,
  IvrAnnouncements,
  IvrConfig,
  IvrFlow,
  LanguageTag,
  LanguageVoice,
  LocalizedText,
} from './ivr-config.model';
import { readFlow } from './ivr-flow.validator';
import { readLocalizedText } from './localized-text.validator';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export interface IvrValidationOptions extends HoursValidationOptions {
  /** Queue names routes may use (from config/queues.yaml). */
  knownQueues: Iterable<string>;
}

export interface IvrValidation {
  /** Present only when there are no problems. */
  value?: IvrConfig;
  problems: ConfigProblem[];
}

/** Checks a parsed IVR configuration key by key and returns it typed, with defaults filled in. */
export function validateIvrConfig(raw: unknown, options: IvrValidationOptions): IvrValidation {
  const log = new ProblemLog();
  const root = MappingReader.open(log, '', raw, [
    'languages',
    'defaultLanguage',
    'tierNames',
    'announcements',
    'businessHours',
    'flows',
  ]);
  if (root === undefined) return { problems: log.problems };
  const languages = readLanguages(root);
  const declared = Object.keys(languages);
  const defaultLanguage = root.string('defaultLanguage');
  if (defaultLanguage !== '' && !declared.includes(defaultLanguage)) {
    log.add(root.at('defaultLanguage'), `"${defaultLanguage}" is not declared under languages`);
  }
  const tierNames = readTierNames(root, declared);
  const announcements = readAnnouncements(root, declared);
  const businessHours: Record<string, BusinessHours> = {};
  for (const [name, hours] of root.optionalMapping('businessHours')?.entries() ?? []) {
    businessHours[name] = readBusinessHours(log, root.at(`businessHours.${name}`), hours, options);
  }
  const scope = {
    log,
    languages: declared,
    defaultLanguage,
    calendars: Object.keys(businessHours),
    queues: new Set(options.knownQueues),
  };
  const flows: Record<string, IvrFlow> = {};
  for (const [id, flow] of root.mapping('flows')?.entries() ?? []) {
    flows[id] = readFlow(scope, root.at(`flows.${id}`), id, flow);
  }
  const value: IvrConfig = {
    languages,
    defaultLanguage,
    tierNames,
    announcements,
    businessHours,
    flows,
  };
  return log.problems.length === 0 ? { value, problems: [] } : { problems: log.problems };
}

function readLanguages(root: MappingReader): Record<LanguageTag, LanguageVoice> {
  const languages: Record<LanguageTag, LanguageVoice> = {};
  const section = root.mapping('languages');
  for (const [tag, raw] of section?.entries() ?? []) {
    const key = root.at(`languages.${tag}`);
    if (!LANGUAGE_TAG.test(tag)) root.log.add(key, 'must be a language tag such as "en-US" or "zh-CN"');
    const voice = MappingReader.open(root.log, key, raw, ['voice', 'sayLanguage', 'speechLanguage']);
    if (voice === undefined) continue;
    languages[tag] = {
      voice: voice.string('voice'),
      sayLanguage: voice.string('sayLanguage'),
      speechLanguage: voice.string('speechLanguage'),
    };
  }
  if (section !== undefined && Object.keys(languages).length === 0) {
    root.log.add(root.at('languages'), 'declare at least one language');
  }
  return languages;
}

function readTierNames(
  root: MappingReader,
  languages: readonly LanguageTag[],
): Record<string, LocalizedText> {
  const names: Record<string, LocalizedText> = {};
  for (const [tier, text] of root.optionalMapping('tierNames')?.entries() ?? []) {
    names[tier] = readLocalizedText(root.log, root.at(`tierNames.${tier}`), text, languages);
  }
  return names;
}

function readAnnouncements(root: MappingReader, languages: readonly LanguageTag[]): IvrAnnouncements {
  const section = root.mapping('announcements', [
    'position',
    'estimate',
    'estimateShort',
    'callbackOffer',
    'callbackConfirmed',
    'apology',
  ]);
  if (section === undefined) {
    return {
      position: {},
      estimate: {},
      estimateShort: {},
      callbackOffer: {},
      callbackConfirmed: {},
      apology: {},
    };
  }
  const text = (name: keyof IvrAnnouncements, placeholders: readonly string[] = []): LocalizedText =>
    readLocalizedText(root.log, root.at(`announcements.${name}`), section.raw(name), languages, placeholders);
  return {
    position: text('position', ['position']),
    estimate: text('estimate', ['minutes']),
    estimateShort: text('estimateShort'),
    callbackOffer: text('callbackOffer'),
    callbackConfirmed: text('callbackConfirmed'),
    apology: text('apology'),
  };
}
