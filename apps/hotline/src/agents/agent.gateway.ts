import { Inject, OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  AGENT_COMMANDS,
  AGENT_EVENTS,
  AGENT_NAMESPACE,
  AgentOfferEndedPayload,
  AgentOfferPayload,
  AgentStatePayload,
  ChangeStateCommand,
  CommandAck,
} from '@hotline/contracts';
import { OfferDecision } from '@hotline/acd';
import { AgentDirectory, CallLedger } from '@hotline/persistence';
import type { Logger } from 'pino';
import type { Namespace, Socket } from 'socket.io';
import { bearerToken } from '../auth/auth.guard';
import { Public } from '../auth/roles.decorator';
import { endWithToken } from '../auth/socket-session';
import { TokenService } from '../auth/token.service';
import { Settings } from '../config/settings';
import { RoutingHost } from '../routing/routing-host';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/domain-error';
import { LOGGER } from '../shared/logger';
import { maskPhone } from '../shared/phone-mask';
import { AgentCallControls } from './agent-call-controls';
import { ChangeStateRequest } from './agent.dto';
import { ChangeAgentState } from './change-agent-state.use-case';

type AgentSocket = Socket & { data: { agentId?: string } };

const UNAUTHENTICATED = 'AUTH.UNAUTHENTICATED';

const room = (agentId: string) => `agent:${agentId}`;

/**
 * The agent desktop's live channel (`/agent`): only agents, by their bearer token; each agent
 * hears only their own state and offers. A desktop gone longer than the grace period signs the
 * agent out, which withdraws any offer ringing for them. A desktop that reconnects while an
 * offer rings for its agent hears that offer again. Messages are authorised by the handshake,
 * not by the HTTP bearer guard; when the handshake's token expires the server says so and
 * disconnects, and the desktop reconnects with a refreshed token.
 */
@Public()
@WebSocketGateway({ namespace: AGENT_NAMESPACE, cors: { origin: true } })
export class AgentGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit {
  @WebSocketServer()
  private readonly server!: Namespace;

  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  /** The offer last made to each agent, kept to be sent again to a desktop that reconnects. */
  private readonly lastOffers = new Map<string, OfferDecision>();

  constructor(
    private readonly tokens: TokenService,
    private readonly agents: AgentDirectory,
    private readonly ledger: CallLedger,
    private readonly routing: RoutingHost,
    private readonly changeState: ChangeAgentState,
    private readonly calls: AgentCallControls,
    private readonly settings: Settings,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.routing.agentChanges$.subscribe((change) => {
      const payload: AgentStatePayload = { ...change, since: change.at };
      this.server?.to(room(change.agentId)).emit(AGENT_EVENTS.state, payload);
    });
    this.routing.decisions$.subscribe((decision) => {
      if (decision.type === 'offer') {
        this.lastOffers.set(decision.agentId, decision);
        void this.sendOffer(decision, this.server?.to(room(decision.agentId)));
      }
      if (decision.type === 'offer-expired' || decision.type === 'offer-withdrawn') {
        const ended: AgentOfferEndedPayload = {
          callSid: decision.callerId,
          why: decision.type === 'offer-expired' ? 'missed' : 'withdrawn',
        };
        this.server?.to(room(decision.agentId)).emit(AGENT_EVENTS.offerEnded, ended);
      }
    });
  }

  /** The offer with what the screen pop shows before the profile is read: who calls, since when. */
  private async sendOffer(
    decision: OfferDecision,
    to: { emit(event: string, payload: AgentOfferPayload): unknown } | undefined,
  ): Promise<void> {
    const call = await this.ledger.find(decision.callerId).catch((error: unknown) => {
      this.logger.warn({ err: error, CallSid: decision.callerId }, 'offer sent without the caller’s call');
      return null;
    });
    const offer: AgentOfferPayload = {
      callSid: decision.callerId,
      queue: decision.queue,
      expiresAt: decision.expiresAt,
      ringSeconds: decision.ringSeconds,
      profileUrl: `/api/calls/${decision.callerId}/profile`,
      caller: call ? maskPhone(call.from) : null,
      queuedAt: call?.queuedAt ?? null,
    };
    to?.emit(AGENT_EVENTS.offer, offer);
  }

  /** The offer ringing for an agent now, if the engine still holds the agent for it. */
  private ringingOffer(agentId: string): OfferDecision | undefined {
    const offer = this.lastOffers.get(agentId);
    const view = this.routing.agent(agentId);
    return offer && view?.state === 'reserved' && view.callerId === offer.callerId ? offer : undefined;
  }

  async handleConnection(socket: AgentSocket): Promise<void> {
    const header = socket.handshake.headers.authorization;
    const token = (socket.handshake.auth as { token?: string }).token ?? bearerToken(header) ?? '';
    const principal = this.tokens.verifyAccessToken(token);
    const agent = principal?.role === 'agent' ? await this.agents.findById(principal.userId) : null;
    if (!principal || !agent) {
      socket.emit('exception', { code: UNAUTHENTICATED, message: 'An agent bearer token is required' });
      socket.disconnect(true);
      return;
    }
    endWithToken(socket, principal.expiresAt, () => {
      socket.emit('exception', { code: UNAUTHENTICATED, message: 'The access token expired' });
      socket.disconnect(true);
    });
    socket.data.agentId = agent.id;
    clearTimeout(this.graceTimers.get(agent.id));
    this.graceTimers.delete(agent.id);
    await socket.join(room(agent.id));
    const view = this.routing.agent(agent.id);
    const state: AgentStatePayload = {
      agentId: agent.id,
      state: view?.state ?? 'offline',
      reason: view?.reason,
      since: this.clock.now(),
      callSid: this.routing.tracker.callOf(agent.id),
    };
    socket.emit(AGENT_EVENTS.state, state);
    const ringing = this.ringingOffer(agent.id);
    if (ringing) await this.sendOffer(ringing, socket);
  }

  async handleDisconnect(socket: AgentSocket): Promise<void> {
    const agentId = socket.data.agentId;
    if (!agentId) return;
    const sockets = await this.server.in(room(agentId)).fetchSockets();
    if (sockets.length > 0) return;
    const graceMs = this.settings.contactCenter.agents.disconnectGraceSeconds * 1000;
    const timer = setTimeout(() => {
      this.graceTimers.delete(agentId);
      this.logger.info({ agentId }, 'agent desktop gone past the grace period: signing the agent out');
      void this.routing.presenceChanged(agentId, 'offline', 'disconnected');
    }, graceMs);
    timer.unref();
    this.graceTimers.set(agentId, timer);
  }

  @SubscribeMessage(AGENT_COMMANDS.changeState)
  command(
    @ConnectedSocket() socket: AgentSocket,
    @MessageBody() body: ChangeStateCommand,
  ): Promise<CommandAck> {
    return this.acknowledge(socket, (agentId) => {
      const request = Object.assign(new ChangeStateRequest(), body);
      if (!['available', 'away', 'offline'].includes(request.state)) {
        throw new DomainError('AGENT.BAD_STATE', 'state must be available, away or offline', 400);
      }
      return this.changeState.execute(agentId, request);
    });
  }

  @SubscribeMessage(AGENT_COMMANDS.decline)
  decline(@ConnectedSocket() socket: AgentSocket): Promise<CommandAck> {
    return this.acknowledge(socket, (agentId) => this.calls.decline(agentId));
  }

  private async acknowledge(
    socket: AgentSocket,
    work: (agentId: string) => Promise<void>,
  ): Promise<CommandAck> {
    try {
      if (!socket.data.agentId) throw new DomainError('AUTH.UNAUTHENTICATED', 'Not signed in', 401);
      await work(socket.data.agentId);
      return { ok: true };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
      this.logger.error({ err: error }, 'agent command failed');
      return { ok: false, code: 'INTERNAL', message: 'Something went wrong on our side' };
    }
  }
}
