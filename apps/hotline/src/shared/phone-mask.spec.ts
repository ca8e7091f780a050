import { maskPhone } from './phone-mask';

describe('maskPhone', () => {
  it.each([
    ['+8613800138000', '+86*******8000'],
    ['+14155550123', '+14*****0123'],
    ['client:alice', 'client:alice'],
    ['anonymous', '*****mous'],
    ['123', '****'],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});
