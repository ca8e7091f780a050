import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { eventually } from '../testing/fake-application';
import { api, CALLER, HOTLINE, Harness, startHarness, twiml } from '../testing/sim-harness';

type OpenApi = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
};

const spec = JSON.parse(
  readFileSync(path.join(__dirname, '../../../..', '../shared/twilio-oai/twilio_api_v2010.json'), 'utf8'),
) as OpenApi;

/**
 * The description of reason_conference_ended says it is null while the conference runs, as Twilio
 * returns it, but its enum schema lacks `nullable`: the one correction made to the description.
 */
const NULLABLE_ENUMS = {
  conference_enum_reason_conference_ended: {
    ...spec.components.schemas.conference_enum_reason_conference_ended,
    nullable: true,
    enum: [
      ...(spec.components.schemas.conference_enum_reason_conference_ended as { enum: string[] }).enum,
      null,
    ],
  },
};

/** Twilio's schemas use OpenAPI's `nullable` (ajv knows it) and Twilio's own formats (taught here). */
function validator(apiPath: string, method: string, status: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('date-time-rfc-2822', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  // Twilio's list envelopes carry URIs relative to https://api.twilio.com, as its own examples do.
  ajv.addFormat('uri', /^(https?:\/\/|\/)\S*$/);
  for (const format of ['uri-map', 'currency', 'phone-number', 'http-method', 'endpoint'])
    ajv.addFormat(format, true);
  const schema =
    spec.paths[`/2010-04-01/Accounts/{AccountSid}${apiPath}`][method].responses[status].content![
      'application/json'
    ].schema;
  return ajv.compile({
    ...schema,
    components: { schemas: { ...spec.components.schemas, ...NULLABLE_ENUMS } },
  });
}

function expectValid(validate: ValidateFunction, body: unknown): void {
  const valid = validate(body);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe("REST responses match Twilio's OpenAPI description", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.app.on('/voice', twiml('<Enqueue>support</Enqueue>'));
    h.app.on('/conf', twiml('<Dial><Conference>room-c</Conference></Dial>'));
  });
  afterAll(() => h.close());

  const get = (p: string) => request(h.sim.url).get(api(p)).set('Authorization', h.auth);

  it('calls: create, fetch, list', async () => {
    const created = await request(h.sim.url)
      .post(api('/Calls.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send({ To: 'client:nobody', From: HOTLINE, Url: `${h.app.url}/x` });
    expect(created.status).toBe(201);
    expectValid(validator('/Calls.json', 'post', '201'), created.body);
    const call = h.sim.placeCall({ from: CALLER, to: HOTLINE });
    await eventually(() => h.sim.observe.queue('support')?.members.length === 1);
    expectValid(validator('/Calls/{Sid}.json', 'get', '200'), (await get(`/Calls/${call.sid}.json`)).body);
    const list = await get('/Calls.json');
    expect(list.body.calls.length).toBeGreaterThanOrEqual(2);
    expectValid(validator('/Calls.json', 'get', '200'), list.body);
  });

  it('queues and members', async () => {
    const queue = await eventually(() => h.sim.observe.queue('support'));
    expectValid(validator('/Queues.json', 'get', '200'), (await get('/Queues.json')).body);
    expectValid(validator('/Queues/{Sid}.json', 'get', '200'), (await get(`/Queues/${queue.sid}.json`)).body);
    const members = await get(`/Queues/${queue.sid}/Members.json`);
    expect(members.body.queue_members).toHaveLength(1);
    expectValid(validator('/Queues/{QueueSid}/Members.json', 'get', '200'), members.body);
    expectValid(
      validator('/Queues/{QueueSid}/Members/{CallSid}.json', 'get', '200'),
      (await get(`/Queues/${queue.sid}/Members/Front.json`)).body,
    );
  });

  it('conferences and participants', async () => {
    h.sim.register('client:carol').on('incoming', (c) => c.accept());
    const created = await request(h.sim.url)
      .post(api('/Conferences/room-c/Participants.json'))
      .set('Authorization', h.auth)
      .type('form')
      .send({ From: HOTLINE, To: 'client:carol', Label: 'agent' });
    expectValid(validator('/Conferences/{ConferenceSid}/Participants.json', 'post', '201'), created.body);
    const sid = created.body.conference_sid;
    await eventually(() => h.sim.observe.conference(sid)?.participants[0].status === 'connected');
    expectValid(validator('/Conferences.json', 'get', '200'), (await get('/Conferences.json')).body);
    expectValid(
      validator('/Conferences/{Sid}.json', 'get', '200'),
      (await get(`/Conferences/${sid}.json`)).body,
    );
    expectValid(
      validator('/Conferences/{ConferenceSid}/Participants.json', 'get', '200'),
      (await get(`/Conferences/${sid}/Participants.json`)).body,
    );
    expectValid(
      validator('/Conferences/{ConferenceSid}/Participants/{CallSid}.json', 'get', '200'),
      (await get(`/Conferences/${sid}/Participants/agent.json`)).body,
    );
  });
});
