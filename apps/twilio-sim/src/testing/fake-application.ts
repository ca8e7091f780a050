import Fastify, { FastifyInstance } from 'fastify';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  method: string;
  url: string;
  params: Record<string, string>;
  signature: string;
}

type Responder = (
  params: Record<string, string>,
) => string | { status?: number; contentType?: string; body: string };

/**
 * A tiny stand-in for Hotline in the stand-in's own tests: answers each path with scripted TwiML
 * and remembers every request with its parameters and signature.
 */
export class FakeApplication {
  readonly received: ReceivedRequest[] = [];
  private readonly routes = new Map<string, Responder>();
  private app?: FastifyInstance;
  url = '';

  on(path: string, responder: Responder | string): this {
    this.routes.set(path, typeof responder === 'string' ? () => responder : responder);
    return this;
  }

  requestsTo(path: string): ReceivedRequest[] {
    return this.received.filter((r) => r.path === path);
  }

  async start(): Promise<this> {
    const app = Fastify();
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.all('/*', async (request, reply) => {
      const path = request.url.split('?')[0];
      const params =
        request.method === 'GET'
          ? (request.query as Record<string, string>)
          : ((request.body as Record<string, string>) ?? {});
      this.received.push({
        path,
        method: request.method,
        url: this.url + request.url,
        params,
        signature: String(request.headers['x-twilio-signature'] ?? ''),
      });
      const responder = this.routes.get(path);
      if (!responder) return reply.code(200).type('text/xml').send('<Response/>');
      const answer = responder(params);
      const response = typeof answer === 'string' ? { body: answer } : answer;
      return reply
        .code(response.status ?? 200)
        .type(response.contentType ?? 'text/xml')
        .send(response.body);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    this.app = app;
    this.url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await this.app?.close();
  }
}

/** Polls until `check` returns a value (not undefined/false), in real time. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
