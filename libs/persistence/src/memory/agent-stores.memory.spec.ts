import { describeAgentStoresContract } from '../ports/agent-log.contract';
import { InMemoryAgentLog, InMemoryRoutingJournal } from './agent-stores.memory';

describeAgentStoresContract('in memory', async () => ({
  log: new InMemoryAgentLog(),
  journal: new InMemoryRoutingJournal(),
  close: async () => undefined,
}));
