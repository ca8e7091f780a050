import { FastifyInstance } from 'fastify';
import { StatusCallbackConfig, StatusCallbackEvent } from '../calls/call-leg';
import { DocumentSource } from '../calls/document-source';
import { TwilioRestError } from '../core/twilio-rest-error';
import { CallUpdate } from '../use-cases/update-call.use-case';
import { FormBody, FormReader } from './form-body';
import { ACCOUNT_PATH, AccountParams, RestContext } from './rest-context';
import { callResource, page } from './resource-mappers';

type CallParams = AccountParams & { Sid: string };
type ListQuery = {
  Status?: string;
  To?: string;
  From?: string;
  ParentCallSid?: string;
  PageSize?: string;
  Page?: string;
};

const STATUS_EVENTS: readonly StatusCallbackEvent[] = ['initiated', 'ringing', 'answered', 'completed'];

/** Calls: create (outbound-api), list, fetch, update (redirect, hang up, cancel). */
export function registerCallRoutes(app: FastifyInstance, ctx: RestContext): void {
  const { calls } = ctx.services;
  const find = (params: CallParams, url: string) => {
    const leg = calls.get(params.Sid);
    if (!leg) throw TwilioRestError.notFound(url.split('?')[0]);
    return leg;
  };

  app.post<{ Params: AccountParams; Body: FormBody }>(
    `${ACCOUNT_PATH}/Calls.json`,
    async (request, reply) => {
      const form = new FormReader(request.body);
      const to = form.required('To');
      const from = form.required('From');
      const source = documentSource(form, 'outbound-call');
      if (!source) throw TwilioRestError.missing('Url');
      ctx.rateLimit.take();
      const leg = ctx.createOutboundCall.execute({
        to,
        from,
        source,
        timeout: form.integer('Timeout') ?? 60,
        statusCallback: statusCallback(form),
      });
      return reply.code(201).send(callResource(leg));
    },
  );

  app.get<{ Params: AccountParams; Querystring: ListQuery }>(
    `${ACCOUNT_PATH}/Calls.json`,
    async (request) => {
      const q = request.query;
      const legs = calls
        .list()
        .filter((leg) => !q.Status || callResource(leg).status === q.Status)
        .filter((leg) => !q.To || leg.to === q.To)
        .filter((leg) => !q.From || leg.from === q.From)
        .filter((leg) => !q.ParentCallSid || leg.parentCallSid === q.ParentCallSid)
        .reverse();
      return page('calls', legs.map(callResource), request.url.split('?')[0], q);
    },
  );

  app.get<{ Params: CallParams }>(`${ACCOUNT_PATH}/Calls/:Sid.json`, async (request) =>
    callResource(find(request.params, request.url)),
  );

  app.post<{ Params: CallParams; Body: FormBody }>(`${ACCOUNT_PATH}/Calls/:Sid.json`, async (request) => {
    const leg = find(request.params, request.url);
    const form = new FormReader(request.body);
    const callback = statusCallback(form);
    if (callback) leg.statusCallback = callback;
    const update = callUpdate(form);
    if (update) ctx.updateCall.execute(leg, update);
    return callResource(leg);
  });
}

function callUpdate(form: FormReader): CallUpdate | undefined {
  const status = form.optional('Status');
  if (status !== undefined) {
    if (status !== 'completed' && status !== 'canceled') throw TwilioRestError.invalid('Status', status);
    return { kind: 'status', status };
  }
  const source = documentSource(form, 'call-update');
  return source ? { kind: 'redirect', source } : undefined;
}

/** Twiml wins over Url, as in Twilio. */
export function documentSource(form: FormReader, purpose: string): DocumentSource | undefined {
  const twiml = form.optional('Twiml');
  if (twiml) return { kind: 'twiml', twiml };
  const url = form.url('Url');
  return url ? { kind: 'url', url, method: form.method('Method'), purpose } : undefined;
}

export function statusCallback(form: FormReader): StatusCallbackConfig | undefined {
  const url = form.url('StatusCallback');
  if (!url) return undefined;
  const requested = form.list('StatusCallbackEvent') ?? ['completed'];
  const unknown = requested.find((e) => !STATUS_EVENTS.includes(e as StatusCallbackEvent));
  if (unknown) throw TwilioRestError.invalid('StatusCallbackEvent', unknown);
  return {
    url,
    method: form.method('StatusCallbackMethod'),
    events: new Set(requested as StatusCallbackEvent[]),
  };
}
