import { WEBHOOK_PATHS } from '@hotline/contracts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

const WEBHOOK_ROUTES = new Set<string>(Object.values(WEBHOOK_PATHS));

/**
 * One log line per Twilio webhook once it is answered, refused ones included, keyed by CallSid so
 * that every step of a call can be found with one search; the caller's number is masked by the
 * logger.
 */
export function logWebhooks(server: FastifyInstance, logger: Logger): void {
  server.addHook('onResponse', (request, reply, done) => {
    if (WEBHOOK_ROUTES.has(request.routeOptions.url ?? '') && logger.isLevelEnabled('info')) {
      const form = (request.body ?? {}) as Record<string, string | undefined>;
      logger.info(
        {
          CallSid: form.CallSid,
          From: form.From,
          path: request.routeOptions.url,
          status: form.CallStatus,
          httpStatus: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 100) / 100,
        },
        'twilio webhook',
      );
    }
    done();
  });
}
