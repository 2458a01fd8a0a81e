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
    ['getCost', () => [], '/cost'],
    ['getCompliance', () => [], '/compliance'],
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

  it('names the management cluster of the detail when it is given', async () => {
    const { client, fetch } = clientReturning({ cluster: {} });
    await client.getCluster('default', 'prod', 'mc-eu');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/multicloud/clusters/default/prod?managementCluster=mc-eu',
    );
  });

  it('asks for history with the parameters it is given and no others', async () => {
    const { client, fetch } = clientReturning({ series: [] });
    await client.getHistory({
      metric: 'cost_per_hour',
      from: 1_700_000_000_000,
      to: 1_700_086_400_000,
      groupBy: 'owner',
      step: undefined,
    });
    const url = new URL(String(fetch.mock.calls[0][0]));
    expect(url.pathname).toBe('/api/multicloud/history');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      metric: 'cost_per_hour',
      from: '1700000000000',
      to: '1700086400000',
      groupBy: 'owner',
    });
    await client.getHistory({ metric: 'verdicts', cluster: 'default/a' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/multicloud/history?metric=verdicts&cluster=default%2Fa',
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

describe('MulticloudClient placement and failover', () => {
  it('posts a placement request as JSON', async () => {
    const { client, fetch } = clientReturning({ candidates: [] });
    await client.evaluatePlacement({ cpu: 1, memory: 2, environment: 'prod' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://backend/api/multicloud/placement/evaluate');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe(
      'application/json',
    );
    expect(JSON.parse(String(init.body))).toEqual({
      cpu: 1,
      memory: 2,
      environment: 'prod',
    });
  });

  it.each([
    [
      'getFailoverPolicies',
      [],
      '/failover/policies',
      { policies: ['p'] },
      ['p'],
    ],
    [
      'getFailoverBreakers',
      [],
      '/failover/breakers',
      { breakers: ['b'] },
      ['b'],
    ],
    [
      'getFailoverBreakers',
      ['default/a b'],
      '/failover/breakers?cluster=default%2Fa%20b',
      { breakers: ['b'] },
      ['b'],
    ],
    ['listFailoverRuns', [], '/failover/runs', { runs: ['r'] }, ['r']],
    [
      'listFailoverRuns',
      ['default/x'],
      '/failover/runs?cluster=default%2Fx',
      { runs: ['r'] },
      ['r'],
    ],
    ['getFailoverRun', ['a/b'], '/failover/runs/a%2Fb', { run: 'r' }, 'r'],
  ] as const)(
    '%s(%j) reads %s and unwraps the envelope',
    async (method, args, path, body, expected) => {
      const { client, fetch } = clientReturning(body);
      const result = await (
        client[method] as (...a: unknown[]) => Promise<unknown>
      )(...args);
      expect(fetch).toHaveBeenCalledWith(
        `http://backend/api/multicloud${path}`,
      );
      expect(result).toEqual(expected);
    },
  );

  it.each([
    ['planFailover', '/failover/plan', { plan: 'p' }, 'p'],
    ['startFailover', '/failover/runs', { run: 'r' }, 'r'],
  ] as const)('%s posts to %s', async (method, path, body, expected) => {
    const { client, fetch } = clientReturning(body);
    const request = {
      cluster: 'default/a',
      target: 'default/b',
      action: 'failover' as const,
    };
    await expect(client[method](request)).resolves.toEqual(expected);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`http://backend/api/multicloud${path}`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual(request);
  });

  it('cancels a run by posting to its cancel URL', async () => {
    const { client, fetch } = clientReturning({ run: { id: 'r1' } });
    await expect(client.cancelFailoverRun('r1')).resolves.toEqual({
      id: 'r1',
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://backend/api/multicloud/failover/runs/r1/cancel');
    expect(init.method).toBe('POST');
  });

  it('keeps the backend message of a refused plan', async () => {
    const { client } = clientReturning(
      {
        error: {
          name: 'ConflictError',
          message: 'default/a has no usable failover target',
        },
        response: { statusCode: 409 },
      },
      { status: 409 },
    );
    await expect(
      client.planFailover({ cluster: 'default/a', action: 'failover' }),
    ).rejects.toMatchObject({
      statusCode: 409,
      cause: { message: 'default/a has no usable failover target' },
    });
  });
});
