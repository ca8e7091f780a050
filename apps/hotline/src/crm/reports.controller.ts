import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  FCR_GROUPINGS,
  FcrFiguresView,
  FcrGrouping,
  FcrReportView,
  TierReportView,
} from '@hotline/contracts';
import { Roles } from '../auth/roles.decorator';
import { DomainError } from '../shared/domain-error';
import { BuildFcrReport } from './build-fcr-report.use-case';
import { BuildTierReport } from './build-tier-report.use-case';
import { writeCsv } from './csv';
import { reportRange } from './report-range';

const FIGURE_COLUMNS: (keyof FcrFiguresView)[] = [
  'contacts',
  'repeatContacts',
  'repeatContactRate',
  'firstContacts',
  'closedFirstContacts',
  'fcrResolved',
  'fcrRate',
  'provisionalFcrResolved',
  'provisionalFcrRate',
  'surveyAnswers',
  'surveyResolved',
  'customerReportedFcr',
  'csatAnswers',
  'csat',
  'npsAnswers',
  'nps',
];

function grouping(groupBy: string | undefined): FcrGrouping | null {
  if (groupBy === undefined) return null;
  if ((FCR_GROUPINGS as readonly string[]).includes(groupBy)) return groupBy as FcrGrouping;
  throw new DomainError('REPORT.BAD_GROUPING', `groupBy must be one of ${FCR_GROUPINGS.join(', ')}`, 400);
}

/** One row per group, then the overall row: what a spreadsheet user expects. */
function fcrCsv(report: FcrReportView): string {
  const row = (group: string, figures: FcrFiguresView) => [
    group,
    ...FIGURE_COLUMNS.map((name) => figures[name]),
  ];
  return writeCsv([
    [report.groupBy ?? 'group', ...FIGURE_COLUMNS],
    ...Object.entries(report.groups).map(([group, figures]) => row(group, figures)),
    row('(all)', report.overall),
  ]);
}

@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin', 'supervisor')
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly fcrReport: BuildFcrReport,
    private readonly tierReport: BuildTierReport,
  ) {}

  /** `format=csv` answers with CSV instead of JSON. */
  @Get('fcr')
  async fcr(
    @Query() query: { from?: string; to?: string; groupBy?: string; format?: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FcrReportView | string> {
    if (query.format !== undefined && query.format !== 'csv' && query.format !== 'json') {
      throw new DomainError('REPORT.BAD_FORMAT', 'format must be json or csv', 400);
    }
    const report = await this.fcrReport.execute(reportRange(query), grouping(query.groupBy));
    if (query.format !== 'csv') return report;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="fcr-${report.groupBy ?? 'overall'}.csv"`);
    return fcrCsv(report);
  }

  @Get('tiers')
  tiers(@Query() query: { from?: string; to?: string }): Promise<TierReportView> {
    return this.tierReport.execute(reportRange(query));
  }
}
