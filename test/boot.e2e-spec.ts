import { startHotline, Harness } from './support/hotline-harness';

describe('boot', () => {
  let hotline: Harness;
  beforeAll(async () => {
    hotline = await startHotline({});
  });
  afterAll(() => hotline.close());

  it('is healthy with its database', async () => {
    const response = await hotline.http('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ status: 'up', database: 'up' });
  });
});
