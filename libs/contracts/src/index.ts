export * from './agent-socket';
export * from './agent-desk';
export * from './agent-events';
export * from './call-events';
export * from './webhook-paths';
export * from './crm';
export * from './monitor';
