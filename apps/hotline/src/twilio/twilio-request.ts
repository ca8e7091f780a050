import type { FastifyRequest } from 'fastify';
import { DomainError } from '../shared/domain-error';

export type TwilioForm = Record<string, string | undefined>;
export type TwilioQuery = Record<string, string | undefined>;

/** Twilio's form and our query, read raw: Twilio sends many parameters no DTO should reject. */
export const formOf = (request: FastifyRequest) => (request.body ?? {}) as TwilioForm;
export const queryOf = (request: FastifyRequest) => (request.query ?? {}) as TwilioQuery;

const CALL_SID = /^CA[0-9a-f]{32}$/;
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

/** The parameters every voice webhook carries, checked before anything is recorded. */
export interface VoiceRequest {
  callSid: string;
  accountSid: string;
  from: string;
  to: string;
  callStatus: string;
  direction: string;
  form: TwilioForm;
}

/**
 * Reads the parameters of a voice webhook; a missing or malformed one is a 400 that names it,
 * and nothing is recorded.
 */
export function readVoiceRequest(form: TwilioForm | undefined, required: string[] = []): VoiceRequest {
  const body = form ?? {};
  const problems: string[] = [];
  const need = (name: string, pattern?: RegExp): string => {
    const value = body[name];
    if (value === undefined || value === '') problems.push(`${name} is required`);
    else if (pattern && !pattern.test(value)) problems.push(`${name} is malformed`);
    return value ?? '';
  };
  const request: VoiceRequest = {
    callSid: need('CallSid', CALL_SID),
    accountSid: need('AccountSid', ACCOUNT_SID),
    from: body.From ?? '',
    to: body.To ?? '',
    callStatus: body.CallStatus ?? '',
    direction: body.Direction ?? 'inbound',
    form: body,
  };
  for (const name of required) need(name);
  if (problems.length > 0) {
    throw new DomainError('TWILIO.BAD_REQUEST', problems.join('; '), 400, { problems });
  }
  return request;
}
