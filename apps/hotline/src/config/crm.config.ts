import type { IvrConfig, LocalizedText } from '@hotline/ivr';
import { isKnownTimeZone } from '../shared/local-time';
import { ConfigReader } from './config-reader';

/** The optional file of CRM settings, beside queues.yaml. */
export const CRM_FILE = 'crm.yaml';

const DAY_SECONDS = 24 * 60 * 60;

export const SURVEY_PROMPT_KEYS = ['csat', 'resolved', 'nps', 'invalid', 'thanks'] as const;
export type SurveyPromptKey = (typeof SURVEY_PROMPT_KEYS)[number];
export type SurveyPrompts = Record<SurveyPromptKey, LocalizedText>;

export interface CrmSettings {
  fcr: {
    /** The repeat window W. */
    windowSeconds: number;
    /** Reasons that say nothing about the issue: any repeat matches them. */
    unknownReasons: string[];
    /** Time zone of the days reports group by. */
    timeZone: string;
  };
  /** How long a repeat caller is kept for the agent who owns their open case. */
  preferOwnerSeconds: number;
  survey: {
    /** Queues whose callers are surveyed when the agent hangs up first, and whether NPS is asked. */
    queues: Map<string, { nps: boolean }>;
    prompts: SurveyPrompts | null;
  };
}

export interface CrmConfigContext {
  queues: ReadonlySet<string>;
  /** The validated IVR, for its languages and the main flow's time zone; undefined when invalid. */
  ivr: IvrConfig | undefined;
}

function mainTimeZone(ivr: IvrConfig | undefined): string {
  const hours = ivr?.flows.main?.hours;
  return (hours && ivr?.businessHours[hours]?.timeZone) || 'UTC';
}

function readText(read: ConfigReader, key: string, languages: readonly string[]): LocalizedText {
  read.onlyKeys(key, languages);
  const text: Record<string, string> = {};
  for (const language of languages) text[language] = read.string(`${key}.${language}`);
  return text;
}

function readSurvey(read: ConfigReader, context: CrmConfigContext): CrmSettings['survey'] {
  read.onlyKeys('survey', ['queues', 'prompts']);
  const queues = new Map<string, { nps: boolean }>();
  for (const queue of read.keys('survey.queues', { required: false })) {
    const key = `survey.queues.${queue}`;
    if (!context.queues.has(queue)) read.problem(key, `names no queue of queues.yaml (got "${queue}")`);
    read.onlyKeys(key, ['nps']);
    queues.set(queue, { nps: read.boolean(`${key}.nps`, false) });
  }
  if (!read.has('survey.prompts')) {
    if (queues.size > 0) read.problem('survey.prompts', 'is required when a queue has a survey');
    return { queues, prompts: null };
  }
  read.onlyKeys('survey.prompts', SURVEY_PROMPT_KEYS);
  const languages = Object.keys(context.ivr?.languages ?? {});
  const prompts = Object.fromEntries(
    SURVEY_PROMPT_KEYS.map((name) => [name, readText(read, `survey.prompts.${name}`, languages)]),
  ) as SurveyPrompts;
  return { queues, prompts };
}

/**
 * Reads crm.yaml (FCR window, case ownership, post-call survey) when there is one; every setting
 * has a default, so without the file there is a 7-day window and no survey.
 */
export function readCrmSettings(read: ConfigReader | undefined, context: CrmConfigContext): CrmSettings {
  const defaults: CrmSettings = {
    fcr: { windowSeconds: 7 * DAY_SECONDS, unknownReasons: [], timeZone: mainTimeZone(context.ivr) },
    preferOwnerSeconds: 60,
    survey: { queues: new Map(), prompts: null },
  };
  if (read === undefined) return defaults;
  read.onlyKeys('', ['fcr', 'caseOwnership', 'survey']);
  read.onlyKeys('fcr', ['windowDays', 'unknownReasons', 'timeZone']);
  read.onlyKeys('caseOwnership', ['preferOwnerSeconds']);
  const timeZone = read.string('fcr.timeZone', defaults.fcr.timeZone);
  if (!isKnownTimeZone(timeZone))
    read.problem('fcr.timeZone', `is not a known time zone (got "${timeZone}")`);
  return {
    fcr: {
      windowSeconds: Math.round(read.number('fcr.windowDays', { min: 0.01, fallback: 7 }) * DAY_SECONDS),
      unknownReasons: read.stringList('fcr.unknownReasons'),
      timeZone,
    },
    preferOwnerSeconds: read.number('caseOwnership.preferOwnerSeconds', {
      min: 0,
      integer: true,
      fallback: 60,
    }),
    survey: readSurvey(read, context),
  };
}

/** Tiers with the same minValue would make the tier a value earns ambiguous. */
export function duplicateMinValues(tiers: Iterable<{ name: string; minValue?: number }>): [string, string][] {
  const seen = new Map<number, string>();
  const duplicates: [string, string][] = [];
  for (const tier of tiers) {
    if (tier.minValue === undefined) continue;
    const other = seen.get(tier.minValue);
    if (other !== undefined) duplicates.push([tier.name, other]);
    else seen.set(tier.minValue, tier.name);
  }
  return duplicates;
}
