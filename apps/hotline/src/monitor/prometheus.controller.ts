import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '../auth/roles.decorator';
import { PrometheusMetrics } from './prometheus.metrics';

/**
 * Prometheus scrape endpoint. Public, because scrapers cannot renew 15-minute bearer tokens; it
 * carries aggregates only (queue names and counts, no caller or agent data). Keep it on the
 * private network, as docs/metrics.md says.
 */
@ApiTags('operations')
@Controller('metrics')
export class PrometheusController {
  constructor(private readonly metrics: PrometheusMetrics) {}

  @Public()
  @Get()
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
