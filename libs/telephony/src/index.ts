export * from './twiml';
