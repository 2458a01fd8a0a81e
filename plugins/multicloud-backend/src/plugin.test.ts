import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { multicloudPlugin } from './plugin';

describe('multicloudPlugin', () => {
  it('answers /health without credentials', async () => {
    const { server } = await startTestBackend({ features: [multicloudPlugin] });
    const res = await request(server).get('/api/multicloud/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('publishes its permissions to the permission framework', async () => {
    const { server } = await startTestBackend({ features: [multicloudPlugin] });
    const res = await request(server).get(
      '/api/multicloud/.well-known/backstage/permissions/metadata',
    );
    expect(res.status).toBe(200);
    expect(
      res.body.permissions.map((p: { name: string }) => p.name).sort(),
    ).toEqual([
      'multicloud.cluster.read',
      'multicloud.failover.execute',
      'multicloud.placement.evaluate',
    ]);
  });
});
