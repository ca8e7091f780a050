import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import {
  AgentDirectory,
  AgentLog,
  CallLedger,
  CustomerDirectory,
  RoutingJournal,
  SharedCommit,
  TypeormAgentDirectory,
  TypeormAgentLog,
  TypeormCallLedger,
  TypeormCustomerDirectory,
  TypeormRoutingJournal,
  TypeormUserStore,
  UserStore,
} from '@hotline/persistence';
import { DataSource } from 'typeorm';
import { InFlightRequests } from '../shared/in-flight-requests';
import { WriteDrains } from '../shared/write-drains';

/** The opened database and the TypeORM adapters behind Hotline's persistence ports. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CallLedger) private readonly ledger: TypeormCallLedger,
    @Inject(AgentLog) private readonly agentLog: TypeormAgentLog,
    @Inject(RoutingJournal) private readonly journal: TypeormRoutingJournal,
    private readonly inFlight: InFlightRequests,
    private readonly drains: WriteDrains,
  ) {}

  /**
   * Lets running handlers and background writers finish, commits every write they handed in,
   * then closes the database.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.inFlight.idle();
    await this.drains.drain();
    await Promise.all([this.ledger.flush(), this.agentLog.flush(), this.journal.flush()]);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  static forDataSource(dataSource: DataSource): DynamicModule {
    // The call ledger's and the routing journal's writes handed in together are committed together.
    const commits = new SharedCommit(dataSource);
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: CallLedger, useValue: new TypeormCallLedger(dataSource, commits) },
        { provide: CustomerDirectory, useValue: new TypeormCustomerDirectory(dataSource) },
        { provide: UserStore, useValue: new TypeormUserStore(dataSource) },
        { provide: AgentDirectory, useValue: new TypeormAgentDirectory(dataSource) },
        { provide: AgentLog, useValue: new TypeormAgentLog(dataSource) },
        { provide: RoutingJournal, useValue: new TypeormRoutingJournal(dataSource, commits) },
      ],
      exports: [
        DataSource,
        CallLedger,
        CustomerDirectory,
        UserStore,
        AgentDirectory,
        AgentLog,
        RoutingJournal,
      ],
    };
  }
}
