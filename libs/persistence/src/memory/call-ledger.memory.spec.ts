import { describeCallLedgerContract } from '../ports/call-ledger.contract';
import { InMemoryCallLedger } from './call-ledger.memory';

describeCallLedgerContract('in memory', async () => ({
  ledger: new InMemoryCallLedger(),
  close: async () => undefined,
}));
