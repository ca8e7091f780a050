import { EventEmitter } from 'node:events';
import { io, Socket } from 'socket.io-client';
import { SOFTPHONE_NAMESPACE, SOFTPHONE_SOCKET_PATH } from '../endpoints/softphone-bridge';

export interface SoftphoneLineEvents {
  incoming: [callSid: string];
  /** The call stopped ringing before it was accepted. */
  cancel: [callSid: string];
  /** The call ended after it was accepted. */
  disconnected: [callSid: string];
}

const REGISTER_TIMEOUT_MS = 10_000;

/**
 * A simulated agent's softphone: `client:<identity>` registered at the stand-in through its
 * socket.io softphone bridge, the same way a person's browser page registers in the sandbox.
 */
export class SoftphoneLine extends EventEmitter<SoftphoneLineEvents> {
  private constructor(private readonly socket: Socket) {
    super();
    socket.on('incoming', ({ callSid }: { callSid: string }) => this.emit('incoming', callSid));
    socket.on('cancel', ({ callSid }: { callSid: string }) => this.emit('cancel', callSid));
    socket.on('disconnected', ({ callSid }: { callSid: string }) => this.emit('disconnected', callSid));
  }

  static async register(standInUrl: string, identity: string): Promise<SoftphoneLine> {
    const socket = io(standInUrl + SOFTPHONE_NAMESPACE, {
      path: SOFTPHONE_SOCKET_PATH,
      transports: ['websocket'],
      reconnection: false,
    });
    const line = new SoftphoneLine(socket);
    const result = (await socket.timeout(REGISTER_TIMEOUT_MS).emitWithAck('register', identity)) as {
      ok: boolean;
      error?: string;
    };
    if (!result.ok) {
      socket.close();
      throw new Error(`softphone ${identity}: ${result.error ?? 'registration refused'}`);
    }
    return line;
  }

  accept(callSid: string): void {
    this.socket.emit('accept', { callSid });
  }

  /** Lets it ring: Hotline's offer runs out and the caller goes to another agent. */
  ignore(callSid: string): void {
    this.socket.emit('ignore', { callSid });
  }

  hangUp(callSid: string): void {
    this.socket.emit('hangup', { callSid });
  }

  /** Unregisters the identity and hangs up whatever the line had. */
  close(): void {
    this.socket.close();
  }
}
