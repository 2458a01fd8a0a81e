import { MulticloudClient } from './MulticloudClient';

describe('MulticloudClient', () => {
  const discoveryApi = { getBaseUrl: async () => 'http://backend/api/multicloud' };

  it('calls the plugin base URL through fetchApi', async () => {
    const fetch = jest.fn(async () => new Response(JSON.stringify({ status: 'ok' })));
    const client = new MulticloudClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.getHealth()).resolves.toEqual({ status: 'ok' });
    expect(fetch).toHaveBeenCalledWith('http://backend/api/multicloud/health');
  });

  it('turns error responses into ResponseErrors with the backend message', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({ error: { name: 'NotAllowedError', message: 'nope' }, response: { statusCode: 403 } }),
          { status: 403, headers: { 'content-type': 'application/json' } },
        ),
    );
    const client = new MulticloudClient({ discoveryApi, fetchApi: { fetch } });
    await expect(client.getHealth()).rejects.toMatchObject({ name: 'ResponseError', statusCode: 403 });
  });
});
