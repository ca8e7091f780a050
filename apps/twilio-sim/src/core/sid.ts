import { randomBytes } from 'node:crypto';

export type SidPrefix = 'CA' | 'QU' | 'CF' | 'RE' | 'PN' | 'NO';

/** Twilio resource ids: a two-letter type prefix and 32 lowercase hex digits. */
export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString('hex');
}

export const ACCOUNT_SID_PATTERN = /^AC[0-9a-f]{32}$/;
