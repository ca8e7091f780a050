import { ivrPositionQuery, parseIvrPosition, readGatherInput } from './ivr-position.codec';

describe('IVR position in URLs', () => {
  it('round-trips a position, with and without after-hours', () => {
    const open = { flow: 'main', node: 'tech-menu', attempt: 2, language: 'zh-CN' };
    expect(ivrPositionQuery(open)).toEqual({ flow: 'main', node: 'tech-menu', attempt: '2', lang: 'zh-CN' });
    expect(parseIvrPosition(ivrPositionQuery(open))).toEqual(open);
    const closed = { ...open, afterHours: 'holiday' as const };
    expect(parseIvrPosition(ivrPositionQuery(closed))).toEqual(closed);
  });

  it.each([
    [{ node: 'm', attempt: '1', lang: 'en-US' }],
    [{ flow: 'main', node: 'm', attempt: '0', lang: 'en-US' }],
    [{ flow: 'main', node: 'm', attempt: '1.5', lang: 'en-US' }],
    [{ flow: 'main', node: 'm', attempt: '100', lang: 'en-US' }],
    [{ flow: 'main', node: 'm', attempt: ['1', '2'], lang: 'en-US' }],
    [{ flow: 'main', node: '', attempt: '1', lang: 'en-US' }],
    [{ flow: 'main', node: 'm', attempt: '1', lang: 'en-US', afterHours: 'lunch' }],
  ])('rejects %o', (query) => {
    expect(parseIvrPosition(query)).toBeUndefined();
  });
});

describe('readGatherInput', () => {
  it.each([
    [
      { Digits: '1', SpeechResult: 'billing' },
      { kind: 'digits', digits: '1' },
    ],
    [
      { SpeechResult: 'Billing.', Confidence: '0.83' },
      { kind: 'speech', text: 'Billing.', confidence: 0.83 },
    ],
    [{ SpeechResult: 'billing' }, { kind: 'speech', text: 'billing', confidence: 0 }],
    [
      { SpeechResult: 'billing', Confidence: 'high' },
      { kind: 'speech', text: 'billing', confidence: 0 },
    ],
    [{ Digits: '', SpeechResult: '' }, { kind: 'none' }],
    [{ CallSid: 'CA00' }, { kind: 'none' }],
  ])('reads %o', (form, input) => {
    expect(readGatherInput(form)).toEqual(input);
  });
});
