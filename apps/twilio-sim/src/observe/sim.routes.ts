import { FastifyInstance } from 'fastify';
import { CallerScript } from '../calls/caller-script';
import { CallRegistry } from '../calls/call-registry';
import { EndpointRegistry } from '../endpoints/endpoint-registry';
import { callerPlanProblem, CallerPlan, scriptForPlan } from '../simulation/caller-plan';
import { PlaceInboundCall } from '../use-cases/place-inbound-call.use-case';
import { SimObserver } from './sim-observer';

interface PlaceCallBody {
  from: string;
  to: string;
  callerScript?: CallerScript;
  /** A simulated caller's plan; a script's Gather function cannot travel over HTTP, a plan can. */
  callerPlan?: CallerPlan;
}

/** The stand-in's own HTTP surface under /sim: what happened, and placing calls from outside the process. */
export function registerSimRoutes(
  app: FastifyInstance,
  observer: SimObserver,
  calls: CallRegistry,
  endpoints: EndpointRegistry,
  placeInboundCall: PlaceInboundCall,
): void {
  app.get('/sim/calls', async () => observer.calls());

  app.get<{ Params: { sid: string } }>('/sim/calls/:sid', async (request, reply) => {
    const view = observer.call(request.params.sid);
    return view ?? reply.code(404).send({ message: `no call ${request.params.sid}` });
  });

  app.post<{ Body: PlaceCallBody }>('/sim/calls', async (request, reply) => {
    const { from, to, callerScript, callerPlan } = request.body ?? {};
    if (typeof from !== 'string' || typeof to !== 'string') {
      return reply.code(400).send({ message: 'from and to are required' });
    }
    const planProblem = callerPlan === undefined ? null : callerPlanProblem(callerPlan);
    if (planProblem) return reply.code(400).send({ message: planProblem });
    const script = callerPlan === undefined ? callerScript : scriptForPlan(callerPlan);
    const leg = placeInboundCall.execute({ from, to, callerScript: script });
    return reply.code(201).send({ sid: leg.sid });
  });

  app.post<{ Params: { sid: string } }>('/sim/calls/:sid/hangup', async (request, reply) => {
    const leg = calls.get(request.params.sid);
    if (!leg) return reply.code(404).send({ message: `no call ${request.params.sid}` });
    leg.hangUp('caller');
    return reply.code(204).send();
  });

  app.get('/sim/queues', async () => observer.queues());
  app.get('/sim/conferences', async () => observer.conferences());
  app.get('/sim/notifications', async () => observer.notifications());
  app.get('/sim/requests', async () => observer.requests());
  app.get('/sim/endpoints', async () => endpoints.addresses());
}
