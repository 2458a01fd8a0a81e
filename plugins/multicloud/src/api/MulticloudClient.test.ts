import { MulticloudClient } from './MulticloudClient';

function clientReturning(body: unknown, init?: ResponseInit) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL) =>
      new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
        ...init,
      }),
  );
  const discoveryApi = {
    getBaseUrl: async () => 'http://backend/api/multicloud',
  };
  return {
    client: new MulticloudClient({ discoveryApi, fetchApi: { fetch } }),
    fetch,
  };
}

describe('MulticloudClient', () => {
  it('calls the plugin base URL through fetchApi', async () => {
    const { client, fetch } = clientReturning({ status: 'ok' });
    await expect(client.getHealth()).resolves.toEqual({ status: 'ok' });
    expect(fetch).toHaveBeenCalledWith('http://backend/api/multicloud/health');
  });

  it.each([
    ['getStatus', () => [], '/status'],
    ['getFleet', () => [], '/fleet'],
  ] as const)('%s reads %s', async (method, args, path) => {
    const { client, fetch } = clientReturning({ version: 1 });
    await (client[method] as (...a: unknown[]) => Promise<unknown>)(...args());
    expect(fetch).toHaveBeenCalledWith(`http://backend/api/multicloud${path}`);
  });

  it('builds the cluster list URL from a query', async () => {
    const { client, fetch } = clientReturning({ items: [] });
    await client.listClusters({
      cloud: ['aws', 'gcp'],
      verdict: ['unhealthy'],
      owner: ['team-payments'],
      text: 'eu prod',
      sort: 'verdict',
      order: 'desc',
      offset: 0,
      limit: 5000,
    });
    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.pathname).toBe('/api/multicloud/clusters');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      cloud: 'aws,gcp',
      verdict: 'unhealthy',
      owner: 'team-payments',
      q: 'eu prod',
      sort: 'verdict',
      order: 'desc',
      offset: '0',
      limit: '5000',
    });
  });

  it('lists without a query string when there is no filter', async () => {
    const { client, fetch } = clientReturning({ items: [] });
    await client.listClusters();
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/multicloud/clusters',
    );
  });

  it('escapes the cluster reference in the detail URL', async () => {
    const { client, fetch } = clientReturning({ cluster: {} });
    await client.getCluster('team a', 'x/y');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/multicloud/clusters/team%20a/x%2Fy',
    );
  });

  it('turns error responses into ResponseErrors with the backend message', async () => {
    const { client } = clientReturning(
      {
        error: {
          name: 'NotFoundError',
          message: 'cluster default/x not found',
        },
        response: { statusCode: 404 },
      },
      { status: 404 },
    );
    await expect(client.getCluster('default', 'x')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: {
        error: {
          name: 'NotFoundError',
          message: 'cluster default/x not found',
        },
      },
    });
  });

  it('reports a 400 for a bad query with the backend message', async () => {
    const { client } = clientReturning(
      {
        error: {
          name: 'InputError',
          message: 'limit must be at most 5000; got 9000',
        },
        response: { statusCode: 400 },
      },
      { status: 400 },
    );
    await expect(client.listClusters({ limit: 9000 })).rejects.toMatchObject({
      statusCode: 400,
      cause: {
        name: 'InputError',
        message: 'limit must be at most 5000; got 9000',
      },
    });
  });
});
