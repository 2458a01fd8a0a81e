import { expect, test } from '@playwright/test';
import { backendPost } from './backendApi';
import { screenshot, sidebarLink, signInAsGuest } from './signIn';

// A CCPA production workload kept off GCP: the seed's AWS and Azure clusters rank, GCP's is rejected.
const REQUEST = {
  cpu: 1,
  memory: 2,
  gpu: 0,
  replicas: 3,
  environment: 'production',
  dataClass: 'ccpa',
  preferredRegions: [],
  allowedClouds: ['aws', 'azure'],
};

test('a placement ranks clusters as the backend does and links new clusters to the prefilled template', async ({
  page,
  request,
}) => {
  const expected = await backendPost(request, '/placement/evaluate', REQUEST);
  expect(expected.candidates.length).toBeGreaterThan(0);

  await signInAsGuest(page);
  await sidebarLink(page, 'Multicloud').click();
  await page.getByRole('tab', { name: 'Placement' }).click();
  await expect(page).toHaveURL(/\/multicloud\/placement$/);
  const form = page.getByRole('form', { name: 'Workload requirements' });
  await form.getByLabel('CPU per replica').fill('1');
  await form.getByLabel('Memory per replica').fill('2');
  await form.getByLabel('Replicas').fill('3');
  await form.getByLabel('Data class').click();
  await page.getByRole('option', { name: 'CCPA' }).click();
  await form.getByRole('checkbox', { name: 'GCP' }).uncheck();
  await form.getByRole('button', { name: 'Find a placement' }).click();

  const ranked = page.getByRole('list', { name: 'Ranked clusters' });
  await expect(ranked.getByRole('listitem', { name: /^#/ })).toHaveCount(expected.candidates.length);
  const labels = await ranked.getByRole('listitem', { name: /^#/ }).evaluateAll(items =>
    items.map(i => i.getAttribute('aria-label')),
  );
  expect(labels).toEqual(
    expected.candidates.map((c: { rank: number; ref: string; score: number }) => `#${c.rank} ${c.ref}, score ${c.score}`),
  );
  // A bar per prioritizer for every candidate.
  await expect(ranked.getByRole('progressbar')).toHaveCount(expected.candidates.length * 5);

  const rejected = page.getByRole('table', { name: 'Rejected clusters' });
  await expect(rejected.getByText('trustram-gcp-cluster')).toBeVisible();
  await expect(rejected.getByText(/cloud:/)).toBeVisible();

  const option = expected.newClusters[0];
  const cloudTitle = { aws: 'AWS', azure: 'Azure', gcp: 'GCP' }[option.cloud as 'aws' | 'azure' | 'gcp'];
  const link = page.getByRole('link', { name: `Request this cluster: ${cloudTitle} ${option.region}` });
  const href = await link.getAttribute('href');
  const url = new URL(href!, 'http://portal');
  expect(url.pathname).toBe('/create/templates/default/new-kubernetes-cluster');
  expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
    cloud: option.cloud,
    region: option.region,
    environment: 'production',
    dataClass: 'ccpa',
  });
  await screenshot(page, 'placement');

  // The scaffolder opens the template with the advised values filled in.
  await link.click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/new-kubernetes-cluster\?formData=/);
  await expect(page.getByText('Production: 3 control-plane nodes, 3–10 autoscaled workers')).toBeVisible();
  await screenshot(page, 'placement-request-template');
});
