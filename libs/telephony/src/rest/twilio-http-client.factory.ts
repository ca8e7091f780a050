import { RequestClient } from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';

/** Where Twilio's REST API answers unless TWILIO_API_BASE_URL says otherwise. */
export const TWILIO_API_ORIGIN = 'https://api.twilio.com';

/**
 * Sends every request to `baseUrl`, keeping its path and query. twilio-node has no base-URL option,
 * and pinning the origin here also keeps TWILIO_REGION and TWILIO_EDGE, which twilio-node reads from
 * the environment on its own, from moving the requests to another host.
 */
class RebasedRequestClient extends RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs });
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const { pathname, search } = new URL(opts.uri);
    return super.request({ ...opts, uri: `${this.baseUrl}${pathname}${search}` });
  }
}

/** The HTTP client for twilio-node: Twilio's cloud or a Twilio-compatible endpoint, with a per-request timeout. */
export function createTwilioHttpClient(settings: { apiBaseUrl?: string; timeoutMs: number }): RequestClient {
  const baseUrl = (settings.apiBaseUrl ?? TWILIO_API_ORIGIN).replace(/\/+$/, '');
  return new RebasedRequestClient(baseUrl, settings.timeoutMs);
}
