import { GatherPrompt } from '../calls/caller-script';
import { scriptForPlan } from './caller-plan';
import { readMenuPaths } from './ivr-menu-paths';
import { percentiles } from './percentiles';

const prompt = (whileQueued: boolean): GatherPrompt => ({
  callSid: 'CA1',
  heard: [],
  input: ['dtmf'],
  finishOnKey: '#',
  timeout: 5,
  whileQueued,
  index: 0,
});

describe('simulated callers', () => {
  it('answer the IVR with their keys, press 1 at the planned call-back offer, then answer the survey', () => {
    const script = scriptForPlan({ ivrDigits: ['2', '1'], callbackAtOffer: 2, surveyDigits: ['4', '1'] });
    const gather = script.gather as (p: GatherPrompt) => unknown;
    const answers = [false, false, true, true, true, false, false, false].map((queued) =>
      gather(prompt(queued)),
    );
    expect(answers).toEqual(['2', '1', undefined, '1', undefined, '4', '1', undefined]);
  });

  it('follow every keypad path of the shipped IVR into a queue, the language key first when unknown', () => {
    const paths = readMenuPaths('config');
    expect(paths.languageDigits).toEqual({ 'zh-CN': '1', 'en-US': '2' });
    expect(paths.routes).toEqual([
      { queue: 'billing', reason: 'billing', digits: ['1'] },
      { queue: 'support', reason: 'tech-internet', digits: ['2', '1'] },
      { queue: 'support', reason: 'tech-mobile', digits: ['2', '2'] },
      { queue: 'sales', reason: 'new-purchase', digits: ['3'] },
      { queue: 'general', reason: 'general-enquiry', digits: ['0'] },
    ]);
  });

  it('summarise waits by nearest-rank percentiles', () => {
    const values = Array.from({ length: 10 }, (_, i) => 10 - i);
    expect(percentiles(values)).toEqual({ p50: 5, p90: 9, p99: 10 });
    expect(percentiles([])).toEqual({ p50: null, p90: null, p99: null });
  });
});
