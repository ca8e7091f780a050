import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

/**
 * Counts requests whose handlers are still running. A client that gives up (a Twilio timeout)
 * closes its connection while its handler goes on; shutdown waits for those handlers before it
 * closes the database, so that their writes are not lost halfway.
 *
 * It wraps every route's handler where Fastify registers it: one promise per request, nothing
 * on the way of the handler itself.
 */
export class InFlightRequests {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Counts the handlers of every route registered on `server` from now on. */
  watch(server: FastifyInstance): void {
    const started = () => (this.running += 1);
    const done = () => this.done();
    server.addHook('onRoute', (route) => {
      const handler = route.handler;
      route.handler = function (this: FastifyInstance, request, reply) {
        started();
        let result: unknown;
        try {
          result = handler.call(this, request, reply);
        } catch (error) {
          done();
          throw error;
        }
        if (!(result instanceof Promise)) {
          done();
          return result;
        }
        return result.finally(done);
      } as RouteHandlerMethod;
    });
  }

  /** Resolves when no handler is running. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private done(): void {
    this.running -= 1;
    if (this.running > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
