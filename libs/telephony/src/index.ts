export * from './twiml';
export * from './rest/twilio-voice-api.port';
export * from './rest/twilio-voice-api.rest';
