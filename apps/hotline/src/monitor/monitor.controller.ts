import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MonitorAgentsResponse, MonitorQueuesResponse } from '@hotline/contracts';
import { Roles } from '../auth/roles.decorator';
import { LiveMonitor } from './live-monitor';

/** The figures of the /monitor socket, for clients that poll. */
@ApiTags('monitor')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('api/monitor')
export class MonitorController {
  constructor(private readonly monitor: LiveMonitor) {}

  @Get('queues')
  queues(): MonitorQueuesResponse {
    return this.monitor.queuesReport();
  }

  @Get('agents')
  agents(): MonitorAgentsResponse {
    return this.monitor.agentsReport();
  }
}
