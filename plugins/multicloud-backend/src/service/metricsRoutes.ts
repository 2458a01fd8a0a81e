import type { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` in the Prometheus exposition format, for service principals only: a
 * scraper authenticates with the static external-access token configured for this plugin.
 */
export function createMetricsRoutes(options: {
  registry: Registry;
  httpAuth: HttpAuthService;
}) {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    await options.httpAuth.credentials(req, { allow: ['service'] });
    res.setHeader('Content-Type', options.registry.contentType);
    res.send(await options.registry.metrics());
  });
  return router;
}
