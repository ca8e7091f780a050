import { createHmac } from 'node:crypto';

/**
 * X-Twilio-Signature of a form request: HMAC-SHA1, keyed with the auth token, over the exact URL
 * called followed by every form parameter's name and value, sorted by name; base64.
 * For a GET the parameters are already in the URL, so `params` is empty.
 */
export function computeTwilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const payload = Object.keys(params)
    .sort()
    .reduce((acc, name) => acc + name + params[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(payload, 'utf-8')).digest('base64');
}
