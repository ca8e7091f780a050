import { AgentLog } from './agent-log.port';
import { RoutingJournal } from './routing-journal.port';

const T0 = 1_763_800_000_000;

/** The behaviour every AgentLog and RoutingJournal adapter must have. */
export function describeAgentStoresContract(
  name: string,
  open: () => Promise<{ log: AgentLog; journal: RoutingJournal; close(): Promise<void> }>,
) {
  describe(`agent log and routing journal contract: ${name}`, () => {
    let log: AgentLog;
    let journal: RoutingJournal;
    let close: () => Promise<void>;

    beforeEach(async () => {
      ({ log, journal, close } = await open());
    });
    afterEach(() => close());

    it('numbers each agent’s changes from 0, keeps the latest per agent, and tells listeners once', async () => {
      const heard: string[] = [];
      log.onAppended((event) => heard.push(`${event.agentId}:${event.seq}:${event.state}`));
      await log.append({ agentId: 'a', state: 'available', at: T0 });
      await log.append({ agentId: 'b', state: 'available', at: T0 + 1 });
      await log.append({ agentId: 'a', state: 'away', at: T0 + 2, reason: 'lunch' });
      await Promise.all([
        log.append({ agentId: 'b', state: 'reserved', at: T0 + 3, callSid: 'CA1', queue: 'billing' }),
        log.append({ agentId: 'c', state: 'available', at: T0 + 3 }),
      ]);
      expect(heard).toEqual(['a:0:available', 'b:0:available', 'a:1:away', 'b:1:reserved', 'c:0:available']);
      const latest = (await log.latest()).sort((x, y) => x.agentId.localeCompare(y.agentId));
      expect(latest).toEqual([
        { agentId: 'a', seq: 1, state: 'away', at: T0 + 2, reason: 'lunch' },
        { agentId: 'b', seq: 1, state: 'reserved', at: T0 + 3, callSid: 'CA1', queue: 'billing' },
        { agentId: 'c', seq: 0, state: 'available', at: T0 + 3 },
      ]);
      expect((await log.between(T0 + 1, T0 + 3)).map((e) => `${e.agentId}:${e.seq}`)).toEqual(['b:0', 'a:1']);
    });

    it('gives back the routing inputs since a time in the order they were written', async () => {
      await journal.append({ at: T0, kind: 'caller-entered', data: { callerId: 'CA1', queue: 'billing' } });
      await journal.append({ at: T0 + 5, kind: 'caller-left', data: { callerId: 'CA1' } });
      await journal.append({
        at: T0 + 5,
        kind: 'agent-presence',
        data: { agentId: 'a', presence: 'available' },
      });
      expect(await journal.since(T0 + 5)).toEqual([
        { at: T0 + 5, kind: 'caller-left', data: { callerId: 'CA1' } },
        { at: T0 + 5, kind: 'agent-presence', data: { agentId: 'a', presence: 'available' } },
      ]);
    });
  });
}
