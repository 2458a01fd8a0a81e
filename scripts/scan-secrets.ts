/**
 * Searches what a portal run left behind (the portal log, e2e screenshots and page snapshots,
 * Playwright's results) for the simulated management cluster's secret material: its bearer
 * token (from the kubeconfig it wrote) and every `<cluster>-kubeconfig` Secret and workload
 * token, as is or base64-encoded. Prints `secrets-scan: N files scanned, N findings` and
 * exits 1 on findings (or when there is no secret material to look for).
 *
 *   tsx scripts/scan-secrets.ts [file or directory ...]
 *
 * Without arguments it scans .run/portal.log, e2e/screenshots/, .run/playwright-output/ and
 * .run/playwright-results.json. The Secrets come from the simulator when it still answers,
 * and are regenerated from its seed otherwise (MULTICLOUD_SIM_SEED, MULTICLOUD_SIM_CLUSTERS,
 * as scripts/start.sh uses them): the workload tokens are derived from the seed.
 * Screenshots are images: their pixels are not read, only files with text are meaningful.
 */
import {
  generateFleet,
  leakForms,
  secretMaterial,
  type KubeObject,
} from '@internal/capi-simulator';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const KUBECONFIG =
  process.env.MULTICLOUD_KUBECONFIG ??
  path.join(ROOT, '.run/capi-sim.kubeconfig');
const DEFAULT_TARGETS = [
  '.run/portal.log',
  'e2e/screenshots',
  '.run/playwright-output',
  '.run/playwright-results.json',
];

async function liveSecrets(kc: KubeConfig): Promise<KubeObject[]> {
  try {
    const list = await kc
      .makeApiClient(CoreV1Api)
      .listSecretForAllNamespaces({ limit: 10_000 });
    return list.items as KubeObject[];
  } catch {
    return [];
  }
}

function seededSecrets(): KubeObject[] {
  const clusters = process.env.MULTICLOUD_SIM_CLUSTERS;
  const fleet = generateFleet({
    seed: process.env.MULTICLOUD_SIM_SEED ?? 'trustram',
    clusters: clusters ? Number(clusters) : undefined,
    now: new Date(),
    serverUrl: 'https://127.0.0.1',
    caCert: '',
  });
  return [...fleet.objects()].filter(o => o.kind === 'Secret');
}

function filesUnder(target: string): string[] {
  if (!fs.existsSync(target)) return [];
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.join(entry.parentPath, entry.name));
}

async function main() {
  if (!fs.existsSync(KUBECONFIG)) {
    console.error(
      `secrets-scan: no kubeconfig at ${KUBECONFIG}: no secret material to look for`,
    );
    process.exit(1);
  }
  const kc = new KubeConfig();
  kc.loadFromFile(KUBECONFIG);
  const token = kc.getCurrentUser()?.token;
  if (!token) {
    console.error(
      `secrets-scan: the kubeconfig at ${KUBECONFIG} has no bearer token`,
    );
    process.exit(1);
  }
  const secrets = [...(await liveSecrets(kc)), ...seededSecrets()];
  const material = [...new Set(secretMaterial(token, secrets))];
  const needles = material.map((secret, i) => ({
    what: i === 0 ? 'the management token' : `kubeconfig Secret material #${i}`,
    forms: leakForms(secret),
  }));

  const targets = process.argv.slice(2);
  const files = (
    targets.length ? targets : DEFAULT_TARGETS.map(t => path.join(ROOT, t))
  ).flatMap(filesUnder);
  let findings = 0;
  for (const file of files) {
    const text = fs.readFileSync(file).toString('latin1');
    for (const { what, forms } of needles) {
      const at = forms.map(f => text.indexOf(f)).find(i => i >= 0);
      if (at === undefined) continue;
      findings++;
      // Where, never the secret itself: the scan's own output must not leak it.
      const line = text.slice(0, at).split('\n').length;
      console.error(
        `secrets-scan: ${path.relative(ROOT, file)}:${line}: ${what}`,
      );
    }
  }
  console.log(
    `secrets-scan: looked for ${material.length} secrets (${secrets.length} kubeconfig Secrets) in every encoding`,
  );
  console.log(
    `secrets-scan: ${files.length} files scanned, ${findings} findings`,
  );
  process.exit(findings > 0 ? 1 : 0);
}

main().catch(error => {
  console.error(`secrets-scan: ${error.stack ?? error}`);
  process.exit(1);
});
