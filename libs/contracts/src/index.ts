export * from './agent-events';
export * from './call-events';
export * from './webhook-paths';
