import { describeIntervalStatsContract } from '../ports/interval-stats.contract';
import { InMemoryIntervalStatsStore } from './interval-stats.memory';

describeIntervalStatsContract('in memory', async () => ({
  store: new InMemoryIntervalStatsStore(),
  close: async () => undefined,
}));
