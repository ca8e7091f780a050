import { apologyPrompt, callbackOfferPrompt, composeWaitAnnouncement } from './announcement.composer';
import { SMALL_CONFIG_QUEUES, smallRawConfig } from './ivr-config.fixture';
import { validateIvrConfig } from './ivr-config.validator';

const config = validateIvrConfig(smallRawConfig(), { knownQueues: SMALL_CONFIG_QUEUES }).value;
if (config === undefined) throw new Error('fixture does not validate');

const zh = (text: string) => ({ text, voice: 'Polly.Zhiyu', language: 'cmn-CN' });
const en = (text: string) => ({ text, voice: 'Polly.Joanna', language: 'en-US' });

describe('wait-loop announcements', () => {
  it.each([
    [121, '约3分钟。'],
    [120, '约2分钟。'],
    [119, '不到2分钟。'],
    [0, '不到2分钟。'],
  ])(
    'says the position and an estimate of %d s: under two minutes, or rounded up to whole minutes',
    (ewtSeconds, estimate) => {
      expect(composeWaitAnnouncement(config, 'zh-CN', { position: 3, ewtSeconds })).toEqual([
        zh('您排在第3位。'),
        zh(estimate),
      ]);
    },
  );

  it('leaves out an unknown estimate', () => {
    expect(composeWaitAnnouncement(config, 'en-US', { position: 1 })).toEqual([en('You are number 1.')]);
  });

  it('speaks the default language to a caller whose language is not configured', () => {
    expect(callbackOfferPrompt(config, 'fr-FR')).toEqual(en('Press 1 for a call back.'));
    expect(apologyPrompt(config, 'zh-CN')).toEqual(zh('抱歉。'));
  });
});
