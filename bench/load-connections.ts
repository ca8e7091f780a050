/**
 * The load generator's HTTP/1.1 client: kept-alive connections to one server, one request at a
 * time on each (no pipelining, as Twilio sends), each request written as one buffer and its answer
 * read by a minimal response reader. The generator shares the machine's two cores with the server
 * it measures, so what it spends is taken from the server: at 2,500 req/s Node's http client cost
 * it 0.37–0.43 cores and this one 0.27–0.30; and the bare server's ceiling, which Node's client
 * held to 5,500–5,900 req/s, measured 11,000–14,400 on the same machine (docs/benchmarks.md).
 */
import { connect, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Answer {
  status: number;
  body: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');
/** Statuses that never carry a body (RFC 9110). */
const BODILESS = new Set([204, 304]);
/** How often requests are checked against their timeout: one timer for the pool, not one per request. */
const TIMEOUT_SWEEP_MS = 250;

interface Exchange {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  /** When the request went out on a connection; its timeout counts from then. */
  sentAt?: number;
}

/** What the head of a response says about the rest of it. */
interface Head {
  status: number;
  bodyStart: number;
  bodyLength: number;
  close: boolean;
}

function readHead(received: Buffer): Head | 'incomplete' | Error {
  const end = received.indexOf(HEAD_END);
  if (end === -1) return 'incomplete';
  const lines = received.toString('latin1', 0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0])?.[1]);
  if (!status) return new Error(`not an HTTP/1.1 status line: ${lines[0]}`);
  let bodyLength: number | null = BODILESS.has(status) ? 0 : null;
  let close = false;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length' && bodyLength === null) bodyLength = Number(value);
    else if (name === 'connection') close = value.toLowerCase() === 'close';
    else if (name === 'transfer-encoding') return new Error(`unsupported transfer-encoding: ${value}`);
  }
  if (bodyLength === null || !Number.isInteger(bodyLength) || bodyLength < 0)
    return new Error('a response without a Content-Length');
  return { status, bodyStart: end + HEAD_END.length, bodyLength, close };
}

/** One kept-alive connection, carrying one exchange at a time. */
class Connection {
  readonly socket: Socket;
  exchange: Exchange | null = null;
  private received: Buffer = Buffer.alloc(0);

  constructor(
    host: string,
    port: number,
    private readonly onFree: (connection: Connection) => void,
    private readonly onGone: (connection: Connection) => void,
  ) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.socket.on('error', () => this.end(new Error('network')));
    this.socket.on('close', () => this.end(new Error('network')));
  }

  send(request: Buffer, exchange: Exchange): void {
    exchange.sentAt = performance.now();
    this.exchange = exchange;
    this.socket.write(request);
  }

  /** Fails the exchange in flight, if any, and closes the connection. */
  end(error: Error): void {
    const exchange = this.exchange;
    this.exchange = null;
    this.socket.destroy();
    this.onGone(this);
    exchange?.reject(error);
  }

  private receive(chunk: Buffer): void {
    this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
    const head = readHead(this.received);
    if (head === 'incomplete') return;
    if (head instanceof Error || !this.exchange)
      return this.end(head instanceof Error ? head : new Error('unasked'));
    const bodyEnd = head.bodyStart + head.bodyLength;
    if (this.received.length < bodyEnd) return;
    if (this.received.length > bodyEnd) return this.end(new Error('more than one answer'));
    const answer = { status: head.status, body: this.received.toString('utf8', head.bodyStart, bodyEnd) };
    const { resolve } = this.exchange;
    this.exchange = null;
    this.received = Buffer.alloc(0);
    if (head.close) this.end(new Error('closed'));
    else this.onFree(this);
    resolve(answer);
  }
}

/** Connections to one server, opened as requests need them up to a bound, kept open between requests. */
export class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly open = new Set<Connection>();
  private readonly waiting: { request: Buffer; exchange: Exchange }[] = [];
  private readonly sweep: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly origin: URL,
    private readonly maxConnections: number,
    private readonly timeoutMs: number,
  ) {
    this.sweep = setInterval(() => this.timeOut(), TIMEOUT_SWEEP_MS);
    this.sweep.unref();
  }

  /**
   * POSTs a form; resolves with the answer. Rejects with 'timeout' (no answer in time after it was
   * sent), 'network' (the connection failed or the pool was closed) or what was wrong with the answer.
   */
  post(path: string, body: string, headers: Record<string, string>): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error('network'));
    const head =
      `POST ${path} HTTP/1.1\r\nHost: ${this.origin.host}\r\n` +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const request = Buffer.from(head + body);
    return new Promise<Answer>((resolve, reject) => {
      const exchange: Exchange = { resolve, reject };
      const connection = this.idle.pop() ?? this.opened();
      if (connection) connection.send(request, exchange);
      else this.waiting.push({ request, exchange });
    });
  }

  /** Closes every connection; exchanges in flight or waiting for a connection fail, later ones too. */
  close(): void {
    this.closed = true;
    clearInterval(this.sweep);
    for (const { exchange } of this.waiting.splice(0)) exchange.reject(new Error('network'));
    for (const connection of [...this.open]) connection.end(new Error('network'));
  }

  private opened(): Connection | undefined {
    if (this.open.size >= this.maxConnections) return undefined;
    const connection = new Connection(
      this.origin.hostname,
      Number(this.origin.port || 80),
      (free) => this.free(free),
      (gone) => this.gone(gone),
    );
    this.open.add(connection);
    return connection;
  }

  private free(connection: Connection): void {
    const next = this.waiting.shift();
    if (next) connection.send(next.request, next.exchange);
    else this.idle.push(connection);
  }

  private gone(connection: Connection): void {
    if (!this.open.delete(connection)) return;
    const index = this.idle.indexOf(connection);
    if (index !== -1) this.idle.splice(index, 1);
    const next = this.waiting.shift();
    if (!next) return;
    const replacement = this.opened();
    if (replacement) replacement.send(next.request, next.exchange);
    else this.waiting.unshift(next);
  }

  private timeOut(): void {
    const due = performance.now() - this.timeoutMs;
    for (const connection of this.open) {
      const sentAt = connection.exchange?.sentAt;
      if (sentAt !== undefined && sentAt <= due) connection.end(new Error('timeout'));
    }
  }
}
