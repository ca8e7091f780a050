import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and readiness: the process answers and the database does too. */
  @Public()
  @Get()
  @HttpCode(200)
  async health() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({
        code: 'HEALTH.DATABASE_DOWN',
        status: 'down',
        database: 'down',
      });
    }
    return { status: 'up', database: 'up' };
  }
}
