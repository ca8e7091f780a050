import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Observable, tap } from 'rxjs';
import { LOGGER } from '../shared/logger';

/**
 * One log line per Twilio webhook, keyed by CallSid so that every step of a call can be found
 * with one search; the caller's number is masked by the logger.
 */
@Injectable()
export class WebhookLogInterceptor implements NestInterceptor {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    const started = process.hrtime.bigint();
    return next.handle().pipe(
      tap(() =>
        this.logger.info(
          {
            CallSid: form.CallSid,
            From: form.From,
            path: request.routeOptions?.url,
            status: form.CallStatus,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'twilio webhook',
        ),
      ),
    );
  }
}
