import { Server as HttpServer } from 'node:http';
import { Server, Socket } from 'socket.io';
import { EndpointRegistry, SimEndpoint } from './endpoint-registry';
import { IncomingCall } from './incoming-call';

export const SOFTPHONE_SOCKET_PATH = '/sim/socket.io';
export const SOFTPHONE_NAMESPACE = '/softphone';

type Ack = (result: { ok: boolean; error?: string }) => void;

/**
 * Lets a browser page (or any socket.io client) play the Voice SDK's part for a
 * `client:<identity>`: `register` an identity, get `incoming` calls, `accept`, `reject`, `ignore`,
 * `hangup`, `mute`; the stand-in sends `cancel` and `disconnected`. It is a thin adapter over the
 * same endpoints simulated agents use in process; leaving the socket unregisters and hangs up.
 */
export function attachSoftphoneBridge(httpServer: HttpServer, endpoints: EndpointRegistry): Server {
  const io = new Server(httpServer, { path: SOFTPHONE_SOCKET_PATH, cors: { origin: true } });
  io.of(SOFTPHONE_NAMESPACE).on('connection', (socket) => new SoftphoneSession(socket, endpoints));
  return io;
}

class SoftphoneSession {
  private readonly registered = new Map<string, SimEndpoint>();
  private readonly calls = new Map<string, IncomingCall>();

  constructor(
    private readonly socket: Socket,
    private readonly endpoints: EndpointRegistry,
  ) {
    socket.on('register', (identity: string, ack?: Ack) => this.register(identity, ack));
    socket.on('unregister', (identity: string) => this.unregister(identity));
    socket.on('accept', ({ callSid }: { callSid: string }) => this.calls.get(callSid)?.accept());
    socket.on('reject', ({ callSid }: { callSid: string }) => this.calls.get(callSid)?.reject());
    socket.on('ignore', ({ callSid }: { callSid: string }) => this.calls.get(callSid)?.ignore());
    socket.on('hangup', ({ callSid }: { callSid: string }) => this.calls.get(callSid)?.disconnect());
    socket.on('mute', ({ callSid, muted }: { callSid: string; muted: boolean }) =>
      this.calls.get(callSid)?.mute(muted),
    );
    socket.on('disconnect', () => this.close());
  }

  private register(identity: string, ack?: Ack): void {
    try {
      const endpoint = this.endpoints.register(`client:${identity}`);
      endpoint.on('incoming', (call) => this.offer(call));
      this.registered.set(identity, endpoint);
      ack?.({ ok: true });
    } catch (err) {
      ack?.({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private unregister(identity: string): void {
    this.registered.get(identity)?.unregister();
    this.registered.delete(identity);
  }

  private offer(call: IncomingCall): void {
    this.calls.set(call.callSid, call);
    const { callSid, from, to, parentCallSid, customParameters } = call;
    this.socket.emit('incoming', { callSid, from, to, parentCallSid, customParameters });
    const forget = () => this.calls.delete(callSid);
    call.on('cancel', () => {
      forget();
      this.socket.emit('cancel', { callSid });
    });
    call.on('disconnect', () => {
      forget();
      this.socket.emit('disconnected', { callSid });
    });
  }

  private close(): void {
    for (const identity of [...this.registered.keys()]) this.unregister(identity);
    for (const call of [...this.calls.values()]) call.disconnect();
  }
}
