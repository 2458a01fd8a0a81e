import type { APIRequestContext } from '@playwright/test';

const BACKEND = process.env.BACKEND_URL ?? 'http://localhost:7007';
// The embedded default's static external-access token (app-config.yaml), a service principal.
const TOKEN = process.env.MULTICLOUD_METRICS_TOKEN ?? 'local-dev-metrics-token-change-me';

/** What the backend itself says, to compare the pages against. */
export async function backendJson(request: APIRequestContext, path: string): Promise<any> {
  const res = await request.get(`${BACKEND}/api/multicloud${path}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  if (!res.ok()) {
    throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  }
  return res.json();
}

/** A POST as the same service principal, e.g. a placement to compare a page against. */
export async function backendPost(request: APIRequestContext, path: string, data: unknown): Promise<any> {
  const res = await request.post(`${BACKEND}/api/multicloud${path}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    data,
  });
  if (!res.ok()) {
    throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`);
  }
  return res.json();
}
