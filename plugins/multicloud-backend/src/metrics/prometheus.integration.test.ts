import { mockCredentials } from '@backstage/backend-test-utils';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startSimulatedBackend } from '../__testUtils__/startSimulatedBackend';
import { waitForSync } from '../__testUtils__/waitForSync';

jest.setTimeout(120_000);

const PROMETHEUS = process.env.PROMETHEUS ?? '/usr/bin/prometheus';

async function freePort(): Promise<number> {
  return new Promise(resolve => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`no answer within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 500));
  }
}

// scripts/test.sh installs Debian's prometheus; without it this suite says it was skipped.
(fs.existsSync(PROMETHEUS) ? describe : describe.skip)(
  'a real Prometheus scraping the backend',
  () => {
    let backend: Awaited<ReturnType<typeof startSimulatedBackend>>;
    let prometheus: ChildProcess;
    let promUrl: string;
    let dir: string;

    beforeAll(async () => {
      backend = await startSimulatedBackend();
      await waitForSync(backend.server);
      const { port } = backend.server.address() as AddressInfo;

      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prom-'));
      fs.writeFileSync(
        path.join(dir, 'token'),
        mockCredentials.service.token(),
      );
      fs.copyFileSync(
        path.resolve(
          __dirname,
          '../../../../deploy/prometheus/multicloud-rules.yaml',
        ),
        path.join(dir, 'multicloud-rules.yaml'),
      );
      fs.writeFileSync(
        path.join(dir, 'prometheus.yml'),
        [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          'rule_files: [multicloud-rules.yaml]',
          'scrape_configs:',
          '  - job_name: multicloud-portal',
          '    metrics_path: /api/multicloud/metrics',
          `    authorization: { type: Bearer, credentials_file: ${path.join(
            dir,
            'token',
          )} }`,
          `    static_configs: [{ targets: ['127.0.0.1:${port}'] }]`,
          '',
        ].join('\n'),
      );
      const promPort = await freePort();
      promUrl = `http://127.0.0.1:${promPort}`;
      prometheus = spawn(
        PROMETHEUS,
        [
          `--config.file=${path.join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${path.join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${promPort}`,
        ],
        { stdio: 'ignore' },
      );
    });

    afterAll(async () => {
      prometheus?.kill('SIGTERM');
      await backend?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    const query = (expr: string) =>
      eventually(async () => {
        const res = await fetch(
          `${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`,
        );
        const body = (await res.json()) as {
          data: {
            result: Array<{
              metric: Record<string, string>;
              value: [number, string];
            }>;
          };
        };
        return body.data.result.length > 0 ? body.data.result : undefined;
      }, 60_000);

    it("answers the seed's three queries with the simulated fleet's values", async () => {
      const provisioned = await query(
        'sum(cluster_api_cluster_phase{phase="Provisioned"})',
      );
      expect(Number(provisioned[0].value[1])).toBe(3);

      const running = await query(
        'sum(cluster_api_machine_phase{phase="Running"})',
      );
      expect(Number(running[0].value[1])).toBe(18);

      const byCloud = await query(
        'sum by (cloud) (cluster_api_machine_cost_per_hour)',
      );
      const costRes = await fetch(
        `http://127.0.0.1:${
          (backend.server.address() as AddressInfo).port
        }/api/multicloud/cost`,
      );
      const cost = (await costRes.json()) as {
        by: { cloud: Array<{ key: string; perHour: number }> };
        clusters: Array<{ cloud: string }>;
      };
      const scraped = Object.fromEntries(
        byCloud.map(r => [r.metric.cloud, Number(r.value[1])]),
      );
      expect(Object.keys(scraped).sort()).toEqual(['aws', 'azure', 'gcp']);
      for (const row of cost.by.cloud) {
        // The machine series leave out control-plane fees; the seed's clusters are kubeadm (no fee).
        expect(scraped[row.key]).toBeCloseTo(row.perHour, 6);
      }
    });

    it('evaluates the shipped recording rules on the scraped series', async () => {
      const recorded = await query('multicloud:clusters_provisioned:count');
      expect(Number(recorded[0].value[1])).toBe(3);
    });
  },
);
