import { CallLedger } from '@hotline/persistence';
import { differences, expectedOf, HotlineRecords, Mismatch } from './conservation';
import { SimulatedCallRecord } from './run-summary';

/**
 * Hotline's records read call by call from its CallLedger, when Hotline runs in this process:
 * each call's outcome, tier, language and reason must be what the caller lived, and an answered
 * call must name its agent.
 */
export class LedgerRecords implements HotlineRecords {
  readonly method = 'call-ledger: each call compared with its Hotline record';

  constructor(private readonly ledger: CallLedger) {}

  async compare(calls: readonly SimulatedCallRecord[]): Promise<Mismatch[]> {
    const mismatches: Mismatch[] = [];
    for (const call of calls) {
      const record = await this.ledger.find(call.sid);
      if (!record) {
        mismatches.push({ subject: call.sid, field: 'record', simulator: 'placed', hotline: null });
        continue;
      }
      const answered = call.classified.outcome === 'answered';
      // Only an answered call must name its agent: one whose caller left as the agent picked up names them too.
      const expected = { ...expectedOf(call), ...(answered ? { agent: 'named' } : {}) };
      const recorded = {
        outcome: record.outcome,
        tier: record.tier,
        language: record.language,
        reason: record.reason,
        agent: record.agent === null ? 'none' : 'named',
      };
      mismatches.push(...differences(call.sid, expected, recorded));
    }
    return mismatches;
  }
}
