import { expect, test } from '@playwright/test';
import { backendJson } from './backendApi';
import { screenshot, sidebarLink, signInAsGuest } from './signIn';

test('the overview shows the figures the backend computes', async ({ page, request }) => {
  const fleet = await backendJson(request, '/fleet');
  await signInAsGuest(page);
  await sidebarLink(page, 'Multicloud').click();
  for (const [cloud, title] of [
    ['aws', 'AWS'],
    ['azure', 'Azure'],
    ['gcp', 'GCP'],
  ] as const) {
    const bucket = fleet.summary.byCloud[cloud];
    const card = page
      .locator('.MuiCard-root')
      .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
      .last();
    await expect(card.getByText(`${bucket.clusters} cluster`, { exact: false }).first()).toBeVisible();
    await expect(
      card.getByText(`${bucket.machines.total} (${bucket.machines.byPhase.Running ?? 0} running)`),
    ).toBeVisible();
  }
  await screenshot(page, 'overview');
});

test('the clusters table filters by cloud and opens a cluster', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/multicloud/clusters');
  await expect(page.getByRole('link', { name: 'trustram-gcp-cluster' }).or(page.getByText('trustram-gcp-cluster'))).toBeVisible();

  await page.getByRole('group', { name: 'Cloud' }).getByRole('button', { name: /^AWS 1$/ }).click();
  await expect(page).toHaveURL(/cloud=aws/);
  await expect(page.getByText('trustram-gcp-cluster')).toHaveCount(0);
  await screenshot(page, 'clusters-filtered');

  await page.getByText('trustram-aws-cluster').first().click();
  await expect(page).toHaveURL(/\/multicloud\/clusters\/default\/trustram-aws-cluster$/);
  await expect(page.getByRole('tree', { name: 'Condition tree' })).toBeVisible();
  await expect(page.getByText('us-west-2').first()).toBeVisible();
  await screenshot(page, 'cluster-detail');
});

test("an example service's Kubernetes tab shows pods from its simulated workload cluster", async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api/kubernetes');
  // The service depends on both clusters (catalogRelation locator); each runs 3 pods.
  const aws = page.getByRole('button', { name: /default\/trustram-aws-cluster/ });
  await expect(aws).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('default/trustram-azure-cluster')).toBeVisible();
  await expect(aws.getByText('3 pods')).toBeVisible();
  await aws.click();
  // The workload cluster's Deployment, with its pods one level down.
  const deployment = page.getByRole('button', { name: /payments-api\s*Deployment/ }).first();
  await expect(deployment).toBeVisible();
  await deployment.click();
  await expect(page.getByText(/payments-api-[a-z0-9]+-[a-z0-9]+/).first()).toBeVisible();
  await screenshot(page, 'kubernetes-tab');
});

test("an example service's multicloud tab lists the clusters it depends on", async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api/clusters');
  await expect(page.getByText('trustram-aws-cluster').first()).toBeVisible();
  await expect(page.getByText('trustram-azure-cluster').first()).toBeVisible();
  await screenshot(page, 'entity-clusters-tab');
});
