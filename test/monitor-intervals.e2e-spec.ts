import type { IntervalReportResponse, IntervalReportRow } from '@hotline/contracts';
import { periodFiguresFromLog, QUARTER_HOUR_MS, type FlowFigures } from '@hotline/metrics';
import { AgentLog, CallLedger } from '@hotline/persistence';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrap } from '../apps/hotline/src/bootstrap';
import { Settings } from '../apps/hotline/src/config/settings';
import { metricsConfigOf } from '../apps/hotline/src/monitor/monitor-settings';
import {
  ManualClock,
  PUBLIC_BASE_URL,
  startHotline,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type Harness,
} from './support/hotline-harness';

/** Wednesday 2026-11-18 in Shanghai (UTC+8): 10:00 is open, 21:00 closed. */
const DAY_START = Date.parse('2026-11-17T16:00:00Z');
const OPEN = Date.parse('2026-11-18T02:00:00Z');
const CLOSED = Date.parse('2026-11-18T13:00:00Z');
const NEXT_DAY = Date.parse('2026-11-18T16:30:00Z');
/** Shared by both boots, so a token signed by the first is good on the second. */
const AUTH_SECRET = 'monitor-intervals-secret-0123456789';

let sequence = 0;
function voiceParams(from: string): Record<string, string> {
  sequence += 1;
  return {
    CallSid: 'CA' + sequence.toString(16).padStart(32, '7'),
    AccountSid: TEST_ACCOUNT_SID,
    From: from,
    To: '+864000000000',
    CallStatus: 'ringing',
    Direction: 'inbound',
    ApiVersion: '2010-04-01',
  };
}

function gatherAction(twiml: string): string {
  const match = /<Gather[^>]*\saction="([^"]+)"/.exec(twiml);
  if (!match) throw new Error(`no Gather in ${twiml}`);
  const url = new URL(match[1].replace(/&amp;/g, '&'));
  return url.pathname + url.search;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('interval statistics across a day change and a restart', () => {
  let hotline: Harness;
  let clock: ManualClock;

  /** Answers every Gather with the next of `digits`; returns the last TwiML. */
  async function call(
    from: string,
    digits: string[],
  ): Promise<{ params: Record<string, string>; twiml: string }> {
    const params = voiceParams(from);
    let twiml = (await hotline.twilio('/twilio/voice', params)).body;
    for (const digit of digits)
      twiml = (await hotline.twilio(gatherAction(twiml), { ...params, Digits: digit })).body;
    return { params, twiml };
  }

  async function report(
    app: NestFastifyApplication,
    token: string,
    query: string,
  ): Promise<IntervalReportResponse> {
    const response = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/reports/intervals?${query}`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect(response.statusCode).toBe(200);
    return JSON.parse(response.body) as IntervalReportResponse;
  }

  beforeAll(async () => {
    clock = new ManualClock(OPEN);
    hotline = await startHotline({ clock, suite: 'intervals', env: { AUTH_SECRET } });
  });

  it('saves each quarter hour, serves past days from the store after a restart, equal to call_events', async () => {
    // 10:00 billing: hangs up after 42 s in line.
    const billing = await call('+8613800000101', ['2', '1']);
    clock.advance(42_000);
    await hotline.twilio('/twilio/queue/left', { ...billing.params, QueueResult: 'hangup', QueueTime: '42' });
    // 10:20 sales: hangs up after 3 s, a short abandon.
    clock.set(OPEN + 20 * 60_000);
    const sales = await call('+8613800000102', ['2', '3']);
    clock.advance(3000);
    await hotline.twilio('/twilio/queue/left', { ...sales.params, QueueResult: 'hangup', QueueTime: '3' });
    // 21:00, closed: one caller asks to be called back, another leaves a message.
    clock.set(CLOSED);
    expect((await call('+8613800000103', ['2', '2'])).twiml).toContain('call you back');
    const voicemail = await call('+8613800000104', ['2', '1']);
    expect(voicemail.twiml).toContain('<Record');

    const token = await hotline.login('root', 'root-password-1');
    const sameDay = await report(hotline.app, token, 'from=2026-11-18');
    expect(
      sameDay.rows
        .filter((row) => row.tier === null)
        .map((row) => [row.queue, row.offered, row.abandoned, row.callbacks]),
    ).toEqual([
      ['billing', 1, 1, 0],
      ['sales', 1, 1, 0],
      ['general', 0, 0, 1],
    ]);

    // Past midnight the day's quarter hours are saved; the live figures start a new day.
    clock.set(NEXT_DAY);
    await waitFor('a new day on the monitor', async () => {
      const today = await hotline.http('GET', '/api/monitor/queues', { token });
      const day = today.json<{ day: { from: number } }>().day;
      return day.from === DAY_START + 24 * 3600_000 ? day : undefined;
    });
    const yesterday = await report(hotline.app, token, 'from=2026-11-18&to=2026-11-19');
    expect(yesterday.rows).toEqual(sameDay.rows);

    // Each row equals what the call log says about its quarter hour.
    const log = {
      calls: (await hotline.app.get(CallLedger).eventsBetween(DAY_START, NEXT_DAY)) as never,
      agents: await hotline.app.get(AgentLog).between(DAY_START, NEXT_DAY),
    };
    const config = metricsConfigOf(hotline.app.get(Settings).contactCenter);
    for (const row of yesterday.rows) {
      const period = periodFiguresFromLog(
        log,
        { from: row.intervalStart, to: row.intervalStart + QUARTER_HOUR_MS },
        NEXT_DAY,
        config,
      );
      const queue = period.queues[row.queue];
      expect(rowFigures(row)).toEqual(flowFigures(row.tier === null ? queue : queue.tiers[row.tier]));
    }
    expect(yesterday.rows.find((row) => row.queue === 'sales' && row.tier === null)).toMatchObject({
      shortAbandoned: 1,
      serviceLevel: null,
      abandonRate: 1,
    });

    // A restart on the same database serves the same report from the saved statistics.
    await hotline.app.close();
    const again = await bootstrap({
      env: {
        DATABASE_URL: hotline.database.url,
        PUBLIC_BASE_URL,
        TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
        LOG_LEVEL: 'silent',
        AUTH_SECRET,
      },
      clock,
    });
    try {
      await again.getHttpAdapter().getInstance().ready();
      expect((await report(again, token, 'from=2026-11-18&to=2026-11-19')).rows).toEqual(sameDay.rows);
    } finally {
      await again.close();
      await hotline.database.drop();
    }
  });
});

function rowFigures(row: IntervalReportRow) {
  const { offered, answered, abandoned, shortAbandoned, routedElsewhere, callbacks, handled } = row;
  return {
    counts: { offered, answered, abandoned, shortAbandoned, routedElsewhere, callbacks, handled },
    serviceLevel: row.serviceLevel,
    asaSeconds: row.asaSeconds,
    ahtSeconds: row.ahtSeconds,
    abandonRate: row.abandonRate,
  };
}

function flowFigures(flow: FlowFigures) {
  const { offered, answered, abandoned, shortAbandoned, routedElsewhere, callbacks, handled } = flow;
  return {
    counts: { offered, answered, abandoned, shortAbandoned, routedElsewhere, callbacks, handled },
    serviceLevel: flow.serviceLevel.value,
    asaSeconds: flow.asaSeconds,
    ahtSeconds: flow.ahtSeconds,
    abandonRate: flow.abandonRate,
  };
}
