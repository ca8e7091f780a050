import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { finalize, Observable } from 'rxjs';

/**
 * Counts requests whose handlers are still running. A client that gives up (a Twilio timeout)
 * closes its connection while its handler goes on; shutdown waits for those handlers before it
 * closes the database, so that their writes are not lost halfway.
 */
@Injectable()
export class InFlightRequests implements NestInterceptor {
  private running = 0;
  private waiters: (() => void)[] = [];

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.running += 1;
    return next.handle().pipe(finalize(() => this.done()));
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
