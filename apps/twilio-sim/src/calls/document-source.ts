import { HttpMethod } from '../webhooks/webhook-client';

/** Where the next TwiML comes from: a webhook (with extra parameters computed when requested) or inline. */
export type DocumentSource =
  | { kind: 'url'; url: string; method: HttpMethod; purpose: string; params?: () => Record<string, string> }
  | { kind: 'twiml'; twiml: string };

export function urlSource(url: string, method: HttpMethod, purpose: string): DocumentSource {
  return { kind: 'url', url, method, purpose };
}
