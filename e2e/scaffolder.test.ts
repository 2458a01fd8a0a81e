import { expect, test, type Page } from '@playwright/test';
import {
  KubeConfig,
  KubernetesObjectApi,
  loadAllYaml,
  loadYaml,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { backendJson } from './backendApi';
import { screenshot, sidebarLink, signInAsGuest } from './signIn';

const ROOT = path.resolve(__dirname, '..');
// multicloud.gitops.localRepositoryPath in app-config.yaml (relative to packages/backend).
const GITOPS = path.join(ROOT, '.run/gitops.git');
const KUBECONFIG = path.join(ROOT, '.run/capi-sim.kubeconfig');

/** A name no earlier run used: the template refuses clusters that already exist. */
const name = `e2e-${Date.now().toString(36)}`;
const directory = `clusters/aws/us-west-2/${name}`;
const branch = `cluster/${name}`;

function git(...args: string[]): string {
  return execFileSync('git', ['--git-dir', GITOPS, ...args], {
    encoding: 'utf8',
  });
}

/** The GitOps controller's job: apply the branch's manifests in the kustomization's order. */
function manifestsOf(commit: string): KubernetesObject[] {
  const kustomization = loadYaml<{ resources: string[] }>(
    git('show', `${commit}:${directory}/kustomization.yaml`),
  );
  return kustomization.resources.flatMap(file =>
    loadAllYaml(git('show', `${commit}:${directory}/${file}`)),
  );
}

/** Picks an option of a form select (MUI renders them as a button and a listbox). */
async function choose(page: Page, field: string, option: string | RegExp) {
  await page.getByRole('button', { name: new RegExp(`^${field}`) }).click();
  await page.getByRole('option', { name: option }).click();
}

const applied: KubernetesObject[] = [];
let objects: KubernetesObjectApi;

test.beforeAll(() => {
  const kc = new KubeConfig();
  kc.loadFromFile(KUBECONFIG);
  objects = KubernetesObjectApi.makeApiClient(kc);
});

test.afterAll(async () => {
  // Other e2e tests compare the dashboard with the backend: leave the fleet as it was.
  for (const obj of [...applied].reverse()) {
    await objects.delete(obj).catch(() => undefined);
  }
  try {
    git('branch', '-D', branch);
  } catch {
    // the run failed before publishing
  }
});

test('the new-cluster template proposes a branch whose manifests become a cluster on the dashboard', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  // The dev backend restarts when sources change: start once it answers.
  await expect
    .poll(() => backendJson(request, '/health').catch(() => undefined), {
      timeout: 120_000,
    })
    .toEqual({ status: 'ok' });
  await signInAsGuest(page);

  await sidebarLink(page, 'Create').click();
  const title = page.getByRole('heading', {
    name: 'New Kubernetes cluster (CAPI)',
    level: 4,
  });
  const card = page
    .locator('div')
    .filter({ has: title })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last();
  await card.getByRole('button', { name: 'Choose' }).click();

  // Cluster
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Owning team' }).click();
  await page.getByRole('option', { name: 'Payments', exact: true }).click();
  await choose(page, 'Environment', 'Development: single node');
  await page.getByRole('button', { name: 'Next' }).click();
  // Placement: the region list appears once the cloud is chosen.
  await choose(page, 'Cloud', 'AWS');
  await choose(page, 'Region', 'us-west-2');
  await page.getByRole('button', { name: 'Next' }).click();
  // Shape
  await choose(page, 'Worker size', /^Small/);
  await choose(page, 'Kubernetes version', 'v1.33.1');
  await choose(page, 'Manifests', 'Full provider objects');
  await page.getByRole('button', { name: 'Next' }).click();
  // Failover
  await page
    .getByRole('textbox', { name: 'Standby cluster (optional)' })
    .click();
  await page.getByRole('option', { name: 'trustram-azure-cluster' }).click();
  await choose(page, 'Failover mode', 'manual');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('row', { name: `Name ${name}` })).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page: every step runs, then the template's output says where the proposal is.
  await expect(page).toHaveURL(/\/create\/tasks\//);
  const proposal = page.getByText(`Branch ${branch}`, { exact: false });
  await expect(proposal).toBeVisible({ timeout: 180_000 });
  const output = await proposal.innerText();
  const commit = output.match(/commit ([0-9a-f]{40})/)?.[1];
  expect(commit, output).toBeDefined();
  await screenshot(page, 'scaffolder-task');

  // The GitOps repository has the branch at that commit, with the cluster's directory.
  expect(git('rev-parse', branch).trim()).toBe(commit);
  const files = git('ls-tree', '-r', '--name-only', commit!, `${directory}/`)
    .trim()
    .split('\n');
  expect(files).toContain(`${directory}/kustomization.yaml`);
  expect(files).toContain(`${directory}/cluster.yaml`);
  const manifests = manifestsOf(commit!);
  const cluster = manifests.find(m => m.kind === 'Cluster');
  expect(cluster?.metadata).toMatchObject({
    name,
    namespace: 'default',
    labels: { 'multicloud.io/owner': 'team-payments' },
    annotations: {
      'multicloud.io/failover-target': 'default/trustram-azure-cluster',
    },
  });
  expect(manifests.map(m => m.kind)).toEqual(
    expect.arrayContaining([
      'AWSCluster',
      'KubeadmControlPlane',
      'MachineDeployment',
    ]),
  );

  // Applied to the management cluster, in order, as the GitOps controller would after the merge.
  for (const manifest of manifests) {
    applied.push(await objects.create(manifest));
  }

  // The backend's watch cache sees it ...
  await expect
    .poll(
      async () =>
        (
          await backendJson(request, `/clusters?q=${name}`)
        ).items.map((c: any) => ({
          name: c.name,
          cloud: c.cloud,
          region: c.region,
          owner: c.labels.owner,
        })),
      { timeout: 60_000 },
    )
    .toEqual([
      { name, cloud: 'aws', region: 'us-west-2', owner: 'team-payments' },
    ]);

  // ... and so does the dashboard.
  await sidebarLink(page, 'Multicloud').click();
  await page.getByRole('tab', { name: 'Clusters' }).click();
  await page.getByRole('searchbox', { name: 'Search clusters' }).fill(name);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${name}`));
  await expect(page.getByText(/^1 of \d+ clusters$/)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('us-west-2');
  await expect(row).toContainText('team-payments');
  await screenshot(page, 'scaffolder-cluster-on-dashboard');
});
