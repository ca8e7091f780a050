import { FastifyInstance } from 'fastify';
import { TwilioRestError } from '../core/twilio-rest-error';
import { FormBody, FormReader } from './form-body';
import { ACCOUNT_PATH, AccountParams, RestContext } from './rest-context';
import { memberResource, page, queueResource } from './resource-mappers';

type QueueParams = AccountParams & { QueueSid: string };
type MemberParams = QueueParams & { CallSid: string };
type PageQuery = { PageSize?: string; Page?: string };

const MAX_QUEUE_SIZE = 5000;

/** Queues (create, list, fetch, update) and their Members (list, fetch, dequeue). */
export function registerQueueRoutes(app: FastifyInstance, ctx: RestContext): void {
  const { queues } = ctx.services;
  const findQueue = (sid: string, url: string) => {
    const queue = queues.get(sid);
    if (!queue) throw TwilioRestError.notFound(url.split('?')[0]);
    return queue;
  };
  const maxSize = (form: FormReader) => {
    const size = form.integer('MaxSize');
    if (size !== undefined && (size < 1 || size > MAX_QUEUE_SIZE))
      throw TwilioRestError.invalid('MaxSize', String(size));
    return size;
  };

  app.post<{ Params: AccountParams; Body: FormBody }>(
    `${ACCOUNT_PATH}/Queues.json`,
    async (request, reply) => {
      const form = new FormReader(request.body);
      const name = form.required('FriendlyName');
      if (queues.byName(name)) throw new TwilioRestError(400, 22003, `A queue named ${name} already exists`);
      return reply.code(201).send(queueResource(queues.create(name, maxSize(form))));
    },
  );

  app.get<{ Params: AccountParams; Querystring: PageQuery }>(`${ACCOUNT_PATH}/Queues.json`, async (request) =>
    page('queues', queues.list().map(queueResource), request.url.split('?')[0], request.query),
  );

  app.get<{ Params: QueueParams }>(`${ACCOUNT_PATH}/Queues/:QueueSid.json`, async (request) =>
    queueResource(findQueue(request.params.QueueSid, request.url)),
  );

  app.post<{ Params: QueueParams; Body: FormBody }>(
    `${ACCOUNT_PATH}/Queues/:QueueSid.json`,
    async (request) => {
      const queue = findQueue(request.params.QueueSid, request.url);
      const form = new FormReader(request.body);
      queue.friendlyName = form.optional('FriendlyName') ?? queue.friendlyName;
      queue.maxSize = maxSize(form) ?? queue.maxSize;
      return queueResource(queue);
    },
  );

  app.get<{ Params: QueueParams; Querystring: PageQuery }>(
    `${ACCOUNT_PATH}/Queues/:QueueSid/Members.json`,
    async (request) => {
      const queue = findQueue(request.params.QueueSid, request.url);
      const members = queue.list().map((m) => memberResource(queue, m));
      return page('queue_members', members, request.url.split('?')[0], request.query);
    },
  );

  const findMember = (params: MemberParams, url: string) => {
    const queue = findQueue(params.QueueSid, url);
    const member = queue.find(params.CallSid);
    if (!member) throw TwilioRestError.notFound(url.split('?')[0]);
    return { queue, member };
  };

  app.get<{ Params: MemberParams }>(
    `${ACCOUNT_PATH}/Queues/:QueueSid/Members/:CallSid.json`,
    async (request) => {
      const { queue, member } = findMember(request.params, request.url);
      return memberResource(queue, member);
    },
  );

  app.post<{ Params: MemberParams; Body: FormBody }>(
    `${ACCOUNT_PATH}/Queues/:QueueSid/Members/:CallSid.json`,
    async (request) => {
      const form = new FormReader(request.body);
      const url = form.url('Url');
      if (!url) throw TwilioRestError.missing('Url');
      const { queue, member } = findMember(request.params, request.url);
      const resource = memberResource(queue, member);
      ctx.dequeueMember.execute(queue, member, url, form.method('Method'));
      return resource;
    },
  );
}
