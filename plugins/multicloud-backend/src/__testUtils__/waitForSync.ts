import request from 'supertest';

/** Polls `GET /status` until the fleet cache has listed every kind and is not stale. */
export async function waitForSync(
  server: Parameters<typeof request>[0],
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await request(server).get('/api/multicloud/status');
    if (res.body.synced && !res.body.stale) return;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error('the fleet did not sync');
}
