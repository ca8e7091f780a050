import { AgentEvent, AgentState } from '@hotline/contracts';
import { Between, DataSource } from 'typeorm';
import { AgentDirectory, AgentRecord } from '../ports/agent-directory.port';
import { AgentLog, NewAgentEvent } from '../ports/agent-log.port';
import { RoutingInput, RoutingJournal } from '../ports/routing-journal.port';
import { AgentEventEntity } from './entities/agent-event.entity';
import { AgentEntity } from './entities/agent.entity';
import { RoutingInputEntity } from './entities/routing-input.entity';
import { CommitParticipant, SharedCommit } from './shared-commit';
import { insertRows } from './statements';
import { OperationBatcher } from './write-batcher';

export class TypeormAgentDirectory extends AgentDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  list(): Promise<AgentRecord[]> {
    return this.dataSource.getRepository(AgentEntity).find({ order: { identity: 'ASC' } });
  }

  findById(id: string): Promise<AgentRecord | null> {
    return this.dataSource.getRepository(AgentEntity).findOneBy({ id });
  }

  findByIdentity(identity: string): Promise<AgentRecord | null> {
    return this.dataSource.getRepository(AgentEntity).findOneBy({ identity });
  }

  async save(agent: AgentRecord): Promise<void> {
    await this.dataSource.getRepository(AgentEntity).save(Object.assign(new AgentEntity(), agent));
  }
}

function toAgentEvent(row: AgentEventEntity): AgentEvent {
  const event: AgentEvent = {
    agentId: row.agentId,
    seq: row.seq,
    state: row.state as AgentState,
    at: row.at,
  };
  if (row.reason !== null) event.reason = row.reason;
  if (row.callSid !== null) event.callSid = row.callSid;
  if (row.queue !== null) event.queue = row.queue;
  return event;
}

export class TypeormAgentLog extends AgentLog {
  private readonly writes: OperationBatcher;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.writes = new OperationBatcher(dataSource);
  }

  async append(event: NewAgentEvent): Promise<AgentEvent> {
    const stored = await this.writes.run(async (manager) => {
      const last = await manager.findOne(AgentEventEntity, {
        where: { agentId: event.agentId },
        order: { seq: 'DESC' },
        select: { seq: true },
      });
      const row = Object.assign(new AgentEventEntity(), {
        agentId: event.agentId,
        seq: last ? last.seq + 1 : 0,
        state: event.state,
        at: event.at,
        reason: event.reason ?? null,
        callSid: event.callSid ?? null,
        queue: event.queue ?? null,
      });
      await manager.insert(AgentEventEntity, row);
      return toAgentEvent(row);
    });
    this.announce(stored);
    return stored;
  }

  async latest(): Promise<AgentEvent[]> {
    const rows = await this.dataSource
      .getRepository(AgentEventEntity)
      .createQueryBuilder('e')
      .where('e.seq = (SELECT MAX(l.seq) FROM agent_events l WHERE l.agent_id = e.agent_id)')
      .getMany();
    return rows.map(toAgentEvent);
  }

  async between(from: number, to: number): Promise<AgentEvent[]> {
    const rows = await this.dataSource
      .getRepository(AgentEventEntity)
      .find({ where: { at: Between(from, to - 1) }, order: { at: 'ASC', agentId: 'ASC', seq: 'ASC' } });
    return rows.map(toAgentEvent);
  }

  flush(): Promise<void> {
    return this.writes.idle();
  }
}

export class TypeormRoutingJournal extends RoutingJournal {
  /** Inputs go into the database's shared commit, stored with one multi-row INSERT in the order given. */
  private readonly share: CommitParticipant<RoutingInput, void> = {
    plan: async (inputs) => ({
      statements: insertRows(
        'routing_inputs',
        ['at', 'kind', 'data'],
        inputs.map((input) => [input.at, input.kind, JSON.stringify(input.data)]),
      ),
      committed: () => inputs.map(() => undefined),
      refused: () => undefined,
    }),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly commits: SharedCommit,
  ) {
    super();
  }

  async append(input: RoutingInput): Promise<void> {
    await this.commits.run(this.share, input);
  }

  async since(from: number): Promise<RoutingInput[]> {
    const rows = await this.dataSource
      .getRepository(RoutingInputEntity)
      .createQueryBuilder('i')
      .where('i.at >= :from', { from })
      .orderBy('i.id', 'ASC')
      .getMany();
    return rows.map(({ at, kind, data }) => ({
      at,
      kind,
      data: JSON.parse(data) as Record<string, unknown>,
    }));
  }

  flush(): Promise<void> {
    return this.commits.idle();
  }
}
