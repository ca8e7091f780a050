export * from './call-events';
export * from './webhook-paths';
