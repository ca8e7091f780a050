import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AgentsModule } from './agents/agents.module';
import { AuthModule } from './auth/auth.module';
import { CrmModule } from './crm/crm.module';
import { Settings } from './config/settings';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { Clock } from './shared/clock';
import { InFlightRequests } from './shared/in-flight-requests';
import { WriteDrains } from './shared/write-drains';
import { LOGGER } from './shared/logger';
import { MonitorModule } from './monitor/monitor.module';
import { TelephonyModule } from './telephony/telephony.module';

export interface Runtime {
  settings: Settings;
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  inFlight: InFlightRequests;
}

@Global()
@Module({})
class RuntimeModule {
  static of(runtime: Runtime): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: Settings, useValue: runtime.settings },
        { provide: Clock, useValue: runtime.clock },
        { provide: LOGGER, useValue: runtime.logger },
        { provide: InFlightRequests, useValue: runtime.inFlight },
        { provide: WriteDrains, useValue: new WriteDrains() },
      ],
      exports: [Settings, Clock, LOGGER, InFlightRequests, WriteDrains],
    };
  }
}

@Module({})
export class AppModule {
  static forRuntime(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RuntimeModule.of(runtime),
        DatabaseModule.forDataSource(runtime.dataSource),
        AuthModule,
        TelephonyModule,
        AgentsModule,
        MonitorModule,
        CrmModule,
      ],
      controllers: [HealthController],
    };
  }
}
