import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ConnectionPool } from './load-connections';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** A real HTTP server on loopback that records what it was sent and on which connection. */
async function serve(handler: Handler) {
  const seen: {
    method?: string;
    url?: string;
    headers: IncomingMessage['headers'];
    body: string;
    port: number;
  }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      seen.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body,
        port: request.socket.remotePort ?? 0,
      });
      handler(request, body, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return {
    origin,
    seen,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const twiml = (response: ServerResponse, text: string) => {
  response.writeHead(200, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(text) });
  response.end(text);
};

describe('load generator connections', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let pool: ConnectionPool;

  afterEach(async () => {
    pool.close();
    await server.close();
  });

  it('posts a form with its headers and reads the answer, UTF-8 included', async () => {
    server = await serve((_request, body, response) => twiml(response, `<Say>您好 ${body.length}</Say>`));
    pool = new ConnectionPool(server.origin, 4, 5000);
    const answer = await pool.post('/twilio/voice?x=1', 'From=%2B8613800000001', {
      'X-Twilio-Signature': 'sig',
    });
    expect(answer).toEqual({ status: 200, body: '<Say>您好 21</Say>' });
    expect(server.seen[0]).toMatchObject({
      method: 'POST',
      url: '/twilio/voice?x=1',
      body: 'From=%2B8613800000001',
      headers: { 'x-twilio-signature': 'sig', 'content-length': '21', host: server.origin.host },
    });
  });

  it('reads an answer that arrives in many pieces', async () => {
    const long = '<Say>' + '您'.repeat(100_000) + '</Say>';
    server = await serve((_request, _body, response) => twiml(response, long));
    pool = new ConnectionPool(server.origin, 1, 5000);
    expect((await pool.post('/long', '', {})).body).toBe(long);
    expect((await pool.post('/long', '', {})).body).toBe(long);
  });

  it('keeps a connection open for the next request, and opens more only for requests at the same time', async () => {
    server = await serve((_request, _body, response) => setTimeout(() => twiml(response, 'ok'), 20));
    pool = new ConnectionPool(server.origin, 2, 5000);
    await pool.post('/a', '', {});
    await pool.post('/b', '', {});
    expect(new Set(server.seen.map((request) => request.port)).size).toBe(1);
    const answers = await Promise.all(['/c', '/d', '/e', '/f'].map((path) => pool.post(path, '', {})));
    expect(answers.map((answer) => answer.body)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(new Set(server.seen.map((request) => request.port)).size).toBe(2);
  });

  it('reads an answer without a body, and one whose server closes the connection after it', async () => {
    server = await serve((request, _body, response) => {
      if (request.url === '/status') {
        response.writeHead(204);
        response.end();
      } else {
        response.writeHead(200, { connection: 'close', 'content-length': '2' });
        response.end('ok');
      }
    });
    pool = new ConnectionPool(server.origin, 1, 5000);
    expect(await pool.post('/status', 'CallStatus=ringing', {})).toEqual({ status: 204, body: '' });
    expect(await pool.post('/bye', '', {})).toEqual({ status: 200, body: 'ok' });
    expect(await pool.post('/status', '', {})).toEqual({ status: 204, body: '' });
    expect(new Set(server.seen.map((request) => request.port)).size).toBe(2);
  });

  it('fails a request the server does not answer in time, and one whose connection breaks', async () => {
    server = await serve((request, _body, response) => {
      if (request.url === '/break') response.socket?.destroy();
    });
    pool = new ConnectionPool(server.origin, 2, 300);
    const started = Date.now();
    await expect(pool.post('/hang', '', {})).rejects.toThrow('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await expect(pool.post('/break', '', {})).rejects.toThrow('network');
  });

  it('times a request from when it is sent, not from when it waited for a connection', async () => {
    // Each answer takes 280 ms: the second waits 280 ms for the connection, then 280 ms more.
    server = await serve((_request, _body, response) => setTimeout(() => twiml(response, 'ok'), 280));
    pool = new ConnectionPool(server.origin, 1, 300);
    const answers = await Promise.all([pool.post('/first', '', {}), pool.post('/second', '', {})]);
    expect(answers.map((answer) => answer.body)).toEqual(['ok', 'ok']);
  });

  it('fails what is in flight and what waits when closed, and sends nothing more', async () => {
    server = await serve(() => undefined);
    pool = new ConnectionPool(server.origin, 1, 5000);
    const inFlight = pool.post('/first', '', {});
    const waiting = pool.post('/second', '', {});
    while (server.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    pool.close();
    await expect(inFlight).rejects.toThrow('network');
    await expect(waiting).rejects.toThrow('network');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.seen.map((request) => request.url)).toEqual(['/first']);
    await expect(pool.post('/third', '', {})).rejects.toThrow('network');
  });

  it('refuses an answer it cannot delimit instead of guessing where it ends', async () => {
    server = await serve((_request, _body, response) => {
      response.write('<Response>');
      response.end('</Response>');
    });
    pool = new ConnectionPool(server.origin, 1, 5000);
    await expect(pool.post('/chunked', '', {})).rejects.toThrow('unsupported transfer-encoding: chunked');
  });
});
