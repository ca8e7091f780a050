import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  MONITOR_CLIENT_EVENTS,
  MONITOR_ERROR_CODES,
  MONITOR_NAMESPACE,
  MONITOR_SERVER_EVENTS,
  type FollowReply,
  type MonitorClientToServerEvents,
  type MonitorServerToClientEvents,
} from '@hotline/contracts';
import type { Namespace, Socket } from 'socket.io';
import { bearerToken } from '../auth/auth.guard';
import { Public } from '../auth/roles.decorator';
import { endWithToken } from '../auth/socket-session';
import { TokenService } from '../auth/token.service';
import { LiveMonitor } from './live-monitor';

interface MonitorSocketData {
  following: Set<string>;
  /** When the handshake's access token expires (ms since the epoch). */
  tokenExpiresAt: number;
}

type MonitorNamespace = Namespace<
  MonitorClientToServerEvents,
  MonitorServerToClientEvents,
  object,
  MonitorSocketData
>;
type MonitorSocket = Socket<
  MonitorClientToServerEvents,
  MonitorServerToClientEvents,
  object,
  MonitorSocketData
>;

const MONITOR_ROLES = ['supervisor', 'admin'];
const AGENTS_ROOM = 'agents';

function queueRoom(queue: string): string {
  return `queue:${queue}`;
}

/** A refused handshake: the client's `connect_error` carries the code as its message. */
function refusal(code: string, message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}

function queuesIn(request: unknown): string[] | null {
  const queues = (request as { queues?: unknown } | null)?.queues;
  return Array.isArray(queues) && queues.every((queue) => typeof queue === 'string') ? queues : null;
}

/**
 * Socket.io namespace /monitor for supervisors' wallboards. The handshake must carry a bearer
 * token of a supervisor or admin (`auth: { token }` or an Authorization header). A client follows
 * every queue unless it names some (`auth: { queues }`, then `follow` / `unfollow`); each
 * connection, reconnections included, starts with a full snapshot. The server disconnects a
 * client when its token expires; the client reconnects with a refreshed one.
 */
@Public()
@WebSocketGateway({ namespace: MONITOR_NAMESPACE })
export class MonitorGateway implements OnGatewayInit<MonitorNamespace>, OnGatewayConnection<MonitorSocket> {
  private namespace!: MonitorNamespace;

  constructor(
    private readonly monitor: LiveMonitor,
    private readonly tokens: TokenService,
  ) {}

  afterInit(namespace: MonitorNamespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown };
      const token =
        typeof auth.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
      const principal = token ? this.tokens.verifyAccessToken(token) : null;
      if (!principal) {
        return next(refusal(MONITOR_ERROR_CODES.unauthenticated, 'A valid bearer token is required'));
      }
      if (!MONITOR_ROLES.includes(principal.role)) {
        return next(
          refusal(MONITOR_ERROR_CODES.forbidden, 'Only supervisors and admins may watch the monitor'),
        );
      }
      socket.data.tokenExpiresAt = principal.expiresAt;
      next();
    });
    this.monitor.subscribe({
      queues: (views) => {
        for (const view of views) namespace.to(queueRoom(view.queue)).emit(MONITOR_SERVER_EVENTS.queue, view);
      },
      agents: (views) => {
        for (const view of views) namespace.to(AGENTS_ROOM).emit(MONITOR_SERVER_EVENTS.agent, view);
      },
      alertsRaised: (alerts) => {
        for (const alert of alerts) {
          const to = alert.agentId === null && alert.queue !== null ? queueRoom(alert.queue) : AGENTS_ROOM;
          namespace.to(to).emit(MONITOR_SERVER_EVENTS.alertRaised, alert);
        }
      },
      // Clients forget an alert they never heard of, so a clearance goes to everyone.
      alertsCleared: (cleared) => {
        for (const clearance of cleared)
          namespace.to(AGENTS_ROOM).emit(MONITOR_SERVER_EVENTS.alertCleared, clearance);
      },
    });
  }

  handleConnection(socket: MonitorSocket): void {
    const known = new Set(this.monitor.queueNames());
    const asked = queuesIn(socket.handshake.auth);
    const following = (asked ?? [...known]).filter((queue) => known.has(queue));
    socket.data.following = new Set(following);
    void socket.join([AGENTS_ROOM, ...following.map(queueRoom)]);
    socket.emit(MONITOR_SERVER_EVENTS.snapshot, this.monitor.snapshot(following));
    endWithToken(socket, socket.data.tokenExpiresAt, () => socket.disconnect(true));
  }

  /** Adds queues to those followed; the reply carries their figures so the client is in step at once. */
  @SubscribeMessage(MONITOR_CLIENT_EVENTS.follow)
  follow(@ConnectedSocket() socket: MonitorSocket, @MessageBody() request: unknown): FollowReply {
    const queues = this.checked(request);
    if (!Array.isArray(queues)) return queues;
    const added = queues.filter((queue) => !socket.data.following.has(queue));
    for (const queue of added) socket.data.following.add(queue);
    void socket.join(added.map(queueRoom));
    return { ok: true, following: [...socket.data.following], queues: this.monitor.queueViews(added) };
  }

  @SubscribeMessage(MONITOR_CLIENT_EVENTS.unfollow)
  unfollow(@ConnectedSocket() socket: MonitorSocket, @MessageBody() request: unknown): FollowReply {
    const queues = this.checked(request);
    if (!Array.isArray(queues)) return queues;
    for (const queue of queues) {
      socket.data.following.delete(queue);
      void socket.leave(queueRoom(queue));
    }
    return { ok: true, following: [...socket.data.following], queues: [] };
  }

  /** The queues of a follow request, or the refusal; a bad request changes nothing. */
  private checked(request: unknown): string[] | FollowReply {
    const queues = queuesIn(request);
    if (queues === null) {
      return { ok: false, code: MONITOR_ERROR_CODES.badRequest, message: 'Send { queues: string[] }' };
    }
    const known = new Set(this.monitor.queueNames());
    const unknown = queues.filter((queue) => !known.has(queue));
    if (unknown.length > 0) {
      return {
        ok: false,
        code: MONITOR_ERROR_CODES.unknownQueue,
        message: `Unknown queue: ${unknown.join(', ')}`,
      };
    }
    return queues;
  }

  /** Connected clients; for the operations figures. */
  connectedClients(): number {
    return this.namespace?.sockets.size ?? 0;
  }
}
