import fastify, { FastifyInstance } from 'fastify';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InFlightRequests } from './in-flight-requests';

/** Sends a POST and destroys the connection as soon as the request is written: a caller who gave up. */
function giveUpOn(port: number): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = request({
      host: '127.0.0.1',
      port,
      path: '/slow',
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
    });
    outgoing.on('error', () => resolve());
    outgoing.on('close', () => resolve());
    outgoing.end('x', () => setTimeout(() => outgoing.destroy(), 20));
  });
}

describe('InFlightRequests', () => {
  let server: FastifyInstance;
  let inFlight: InFlightRequests;
  let release: () => void;
  let handlerFinished: boolean;

  beforeEach(async () => {
    server = fastify();
    inFlight = new InFlightRequests();
    inFlight.watch(server);
    handlerFinished = false;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.post('/slow', async () => {
      await gate;
      handlerFinished = true;
      return 'done';
    });
    server.get('/fast', (_request, reply) => void reply.send('fast'));
    server.get('/broken', () => {
      throw new Error('broken');
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
  });

  afterEach(() => server.close());

  it('is idle at once when nothing runs, and after plain and failing handlers', async () => {
    await expect(inFlight.idle()).resolves.toBeUndefined();
    expect((await server.inject({ method: 'GET', url: '/fast' })).body).toBe('fast');
    expect((await server.inject({ method: 'GET', url: '/broken' })).statusCode).toBe(500);
    await expect(inFlight.idle()).resolves.toBeUndefined();
  });

  it('waits for a handler whose client has already gone away', async () => {
    await giveUpOn((server.server.address() as AddressInfo).port);
    let idle = false;
    const waiting = inFlight.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(handlerFinished).toBe(true);
  });
});
