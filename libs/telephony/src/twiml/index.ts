export * from './twiml-document.model';
export * from './twiml.renderer';
