import { CallLeg } from './call-leg';

const COUNTRY_CODES: ReadonlyArray<[string, string]> = [
  ['+1', 'US'],
  ['+44', 'GB'],
  ['+49', 'DE'],
  ['+33', 'FR'],
  ['+34', 'ES'],
  ['+39', 'IT'],
  ['+31', 'NL'],
  ['+61', 'AU'],
];

/** The parameters Twilio sends with every voice request about a call. */
export function callParams(leg: CallLeg): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: leg.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: leg.sid,
    CallStatus: leg.status,
    Called: leg.to,
    Caller: leg.from,
    Direction: leg.direction,
    From: leg.from,
    To: leg.to,
    ...location('From', leg.from),
    ...location('To', leg.to),
    ...location('Caller', leg.from),
    ...location('Called', leg.to),
  };
  if (leg.parentCallSid) params.ParentCallSid = leg.parentCallSid;
  return params;
}

/** Twilio adds geography for phone numbers only; the stand-in knows the country, not the city. */
function location(prefix: string, address: string): Record<string, string> {
  if (!address.startsWith('+')) return {};
  const country = COUNTRY_CODES.find(([code]) => address.startsWith(code))?.[1] ?? '';
  return {
    [`${prefix}Country`]: country,
    [`${prefix}State`]: '',
    [`${prefix}City`]: '',
    [`${prefix}Zip`]: '',
  };
}
