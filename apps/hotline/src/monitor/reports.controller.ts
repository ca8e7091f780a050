import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { IntervalReportResponse } from '@hotline/contracts';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../shared/clock';
import { intervalCsv } from './interval-csv';
import { parseIntervalQuery } from './interval-query';
import { LiveMonitor } from './live-monitor';
import { ReadIntervalReport } from './read-interval-report.use-case';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly monitor: LiveMonitor,
    private readonly readReport: ReadIntervalReport,
    private readonly clock: Clock,
  ) {}

  /** Offered, answered, abandoned, SL, ASA and AHT per quarter hour, queue and tier. */
  @Get('intervals')
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'date (local midnight) or date-time with offset; default today',
  })
  @ApiQuery({ name: 'to', required: false, description: 'exclusive; default the end of today' })
  @ApiQuery({ name: 'queue', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  async intervals(
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntervalReportResponse | string> {
    const query = parseIntervalQuery(raw, {
      timeZone: this.monitor.today().timeZone,
      queues: new Set(this.monitor.queueNames()),
      now: this.clock.now(),
    });
    const report = await this.readReport.execute(query);
    if (query.format === 'json') return report;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="intervals-${query.from}-${query.to}.csv"`);
    return intervalCsv(report.rows, report.timeZone);
  }
}
