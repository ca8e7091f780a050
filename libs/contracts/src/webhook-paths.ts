/**
 * Paths Twilio calls on Hotline. `voice` and `status` are set on the phone number; every other
 * path is named in the TwiML Hotline returns, as an absolute URL built from PUBLIC_BASE_URL.
 */
export const WEBHOOK_PATHS = {
  voice: '/twilio/voice',
  status: '/twilio/status',
  ivr: '/twilio/ivr',
  queueWait: '/twilio/queue/wait',
  queueLeft: '/twilio/queue/left',
  voicemail: '/twilio/voicemail',
  callbackRequest: '/twilio/callback',
  conference: '/twilio/conference',
  participant: '/twilio/participant',
  bridge: '/twilio/bridge',
  route: '/twilio/route',
  survey: '/twilio/survey',
} as const;

export type WebhookPath = (typeof WEBHOOK_PATHS)[keyof typeof WEBHOOK_PATHS];
