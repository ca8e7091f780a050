import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { openDataSource } from '@hotline/persistence';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { loadContactCenterConfig } from './config/contact-center.config';
import { EnvironmentSource, readEnvironment } from './config/environment';
import { Settings } from './config/settings';
import { Clock, SystemClock } from './shared/clock';
import { ErrorFilter } from './shared/error.filter';
import { InFlightRequests } from './shared/in-flight-requests';
import { createLogger, PinoNestLogger } from './shared/logger';
import { logWebhooks } from './twilio/webhook-log';

export interface BootstrapOptions {
  /** The environment to configure from: process.env in production, a plain object in tests. */
  env: EnvironmentSource;
  clock?: Clock;
  logDestination?: DestinationStream;
}

/**
 * Builds a ready-to-listen Hotline: validates configuration (a mistake stops here with a message
 * naming the file, key and problem), opens the database and applies pending migrations, and
 * wires the Nest application. main.ts and every e2e test start Hotline through this function.
 */
export async function bootstrap(options: BootstrapOptions): Promise<NestFastifyApplication> {
  const env = readEnvironment(options.env);
  const contactCenter = loadContactCenterConfig(
    env.configDir,
    env.sandbox ? join(env.configDir, 'sandbox') : undefined,
  );
  const settings = new Settings(env, contactCenter);
  const logger = createLogger(env.logLevel, options.logDestination);
  const dataSource = await openDataSource(
    env.database.kind === 'sqlite' ? env.database : { kind: 'mysql', url: env.database.url },
    env.migrateOnBoot,
  );
  const adapter = new FastifyAdapter({ trustProxy: true });
  const inFlight = new InFlightRequests();
  inFlight.watch(adapter.getInstance());
  logWebhooks(adapter.getInstance(), logger);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRuntime({
      settings,
      dataSource,
      clock: options.clock ?? new SystemClock(),
      logger,
      inFlight,
    }),
    adapter,
    { logger: new PinoNestLogger(logger) },
  );
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  app.useGlobalFilters(new ErrorFilter(logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hotline')
      .setDescription('Contact-center core for hotlines on Twilio Programmable Voice')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
