import { randomUUID } from 'node:crypto';
import { computeTwilioSignature } from '../signing/twilio-signature';
import { SimClock } from '../core/sim-clock';
import { TWILIO_ERROR, TwilioFault } from './sim-notification';

export type HttpMethod = 'GET' | 'POST';

export interface WebhookRequest {
  url: string;
  method: HttpMethod;
  params: Record<string, string>;
  /** Why the request is made (voice, action, wait, status-callback…), for the request log. */
  purpose: string;
  callSid?: string;
}

export interface WebhookResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface WebhookLogEntry {
  at: Date;
  purpose: string;
  method: HttpMethod;
  url: string;
  params: Record<string, string>;
  callSid?: string;
  status?: number;
  error?: string;
}

/** Sends Twilio's webhooks: form-encoded, signed with the auth token, bounded by Twilio's 15 s wait. */
export class WebhookClient {
  private readonly log: WebhookLogEntry[] = [];

  constructor(
    private readonly authToken: string,
    private readonly clock: SimClock,
    private readonly timeoutMs: number,
    private readonly closing: AbortSignal,
  ) {}

  requests(): WebhookLogEntry[] {
    return [...this.log];
  }

  /** Throws TwilioFault (11200/11205) when the application cannot be reached or answers non-2xx. */
  async send(request: WebhookRequest): Promise<WebhookResponse> {
    const url = request.method === 'GET' ? withQuery(request.url, request.params) : request.url;
    const signed = request.method === 'GET' ? {} : request.params;
    const entry: WebhookLogEntry = {
      at: this.clock.now(),
      purpose: request.purpose,
      method: request.method,
      url,
      params: request.params,
      callSid: request.callSid,
    };
    this.log.push(entry);
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': computeTwilioSignature(this.authToken, url, signed),
          'User-Agent': 'TwilioProxy/1.1',
          'I-Twilio-Idempotency-Token': randomUUID(),
        },
        body: request.method === 'POST' ? new URLSearchParams(request.params).toString() : undefined,
        signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing]),
      });
    } catch (err) {
      entry.error = err instanceof Error ? err.message : String(err);
      throw new TwilioFault(
        TWILIO_ERROR.httpConnectionFailure,
        `HTTP connection failure: ${entry.error}`,
        url,
      );
    }
    entry.status = response.status;
    const body = await response.text().catch(() => '');
    if (response.status < 200 || response.status >= 300) {
      throw new TwilioFault(
        TWILIO_ERROR.httpRetrievalFailure,
        `HTTP retrieval failure: ${response.status}`,
        url,
      );
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  }
}

function withQuery(url: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  if (!query) return url;
  return url + (url.includes('?') ? '&' : '?') + query;
}
