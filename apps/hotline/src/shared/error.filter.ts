import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DomainError } from './domain-error';

/**
 * Maps errors to HTTP at the edge: domain errors keep their stable code, HTTP exceptions their
 * status, and anything unexpected becomes a 500 carrying an error id that is also in the log.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (error instanceof DomainError) {
      void reply
        .status(error.status)
        .send({ code: error.code, message: error.message, details: error.details });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const payload = typeof body === 'string' ? { message: body } : (body as Record<string, unknown>);
      void reply
        .status(error.getStatus())
        .send({ code: payload.code ?? `HTTP.${error.getStatus()}`, ...payload });
      return;
    }
    const errorId = randomUUID();
    this.logger.error(
      { err: error, errorId, method: request.method, path: request.routeOptions?.url },
      'unhandled error',
    );
    void reply.status(500).send({ code: 'INTERNAL', message: 'Something went wrong on our side', errorId });
  }
}
