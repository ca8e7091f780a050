import type { IvrInput, IvrPosition } from './ivr-step.model';

type Params = Readonly<Record<string, unknown>>;

const MAX_ATTEMPT = 99;

/** Query parameters that carry a position in a Gather action URL. */
export function ivrPositionQuery(position: IvrPosition): Record<string, string> {
  const query: Record<string, string> = {
    flow: position.flow,
    node: position.node,
    attempt: String(position.attempt),
    lang: position.language,
  };
  if (position.afterHours !== undefined) query.afterHours = position.afterHours;
  return query;
}

/** The position back from a request's query; undefined when it is not one `ivrPositionQuery` made. */
export function parseIvrPosition(query: Params): IvrPosition | undefined {
  const { flow, node, attempt, lang, afterHours } = query;
  if (!nonEmpty(flow) || !nonEmpty(node) || !nonEmpty(lang) || typeof attempt !== 'string') return undefined;
  if (!/^[1-9][0-9]?$/.test(attempt) || Number(attempt) > MAX_ATTEMPT) return undefined;
  const position: IvrPosition = { flow, node, attempt: Number(attempt), language: lang };
  if (afterHours === 'closed' || afterHours === 'holiday') return { ...position, afterHours };
  return afterHours === undefined ? position : undefined;
}

/**
 * What the caller answered, from a Gather action's form: Digits, or SpeechResult with Confidence.
 * Twilio sends neither when the Gather timed out (actionOnEmptyResult).
 */
export function readGatherInput(form: Params): IvrInput {
  if (nonEmpty(form.Digits)) return { kind: 'digits', digits: form.Digits };
  if (nonEmpty(form.SpeechResult)) {
    const confidence = typeof form.Confidence === 'string' ? Number(form.Confidence) : Number.NaN;
    return {
      kind: 'speech',
      text: form.SpeechResult,
      confidence: Number.isFinite(confidence) ? confidence : 0,
    };
  }
  return { kind: 'none' };
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
