import { Module } from '@nestjs/common';
import { IntervalStatsStore, TypeormIntervalStatsStore } from '@hotline/persistence';
import { DataSource } from 'typeorm';
import { AuthModule } from '../auth/auth.module';
import { LiveMonitor } from './live-monitor';
import { MonitorController } from './monitor.controller';
import { MonitorGateway } from './monitor.gateway';
import { PrometheusController } from './prometheus.controller';
import { PrometheusMetrics } from './prometheus.metrics';
import { ReadIntervalReport } from './read-interval-report.use-case';
import { ReportsController } from './reports.controller';
import { WallboardAssets } from './wallboard-assets';

/**
 * The supervisor's view: live figures over socket.io (/monitor) and REST (/api/monitor), alerts,
 * Prometheus gauges (/metrics), interval reports (/api/reports/intervals) and the wallboard page.
 */
@Module({
  imports: [AuthModule],
  controllers: [MonitorController, ReportsController, PrometheusController],
  providers: [
    {
      provide: IntervalStatsStore,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new TypeormIntervalStatsStore(ds),
    },
    LiveMonitor,
    MonitorGateway,
    PrometheusMetrics,
    ReadIntervalReport,
    WallboardAssets,
  ],
  exports: [LiveMonitor],
})
export class MonitorModule {}
