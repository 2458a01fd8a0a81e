import { expect, test } from '@playwright/test';
import { perMonth } from '../plugins/multicloud/src/components/cost/formatCost';
import { backendJson } from './backendApi';
import { screenshot, signInAsGuest } from './signIn';

const CLOUDS = [
  ['aws', 'AWS'],
  ['azure', 'Azure'],
  ['gcp', 'GCP'],
] as const;

test('the overview shows the $/month per cloud that the cost API computes', async ({
  page,
  request,
}) => {
  const cost = await backendJson(request, '/cost');
  await signInAsGuest(page);
  await page.goto('/multicloud');
  for (const [cloud, title] of CLOUDS) {
    const row = cost.by.cloud.find((r: { key: string }) => r.key === cloud);
    expect(row, `GET /cost has a row for ${cloud}`).toBeDefined();
    const card = page
      .locator('.MuiCard-root')
      .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
      .last();
    await expect(card.getByText(perMonth(row.perMonth))).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Over time' })).toBeVisible();
  await screenshot(page, 'insights-overview');

  // The same page in the dark theme (Backstage keeps the choice in local storage).
  await page.evaluate(() => localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-theme-mode', 'dark');
  await expect(page.getByRole('heading', { name: 'Over time' })).toBeVisible();
  await screenshot(page, 'insights-overview-dark');
});

test('the compliance view shows the failing counts of the compliance API', async ({
  page,
  request,
}) => {
  const { reports } = await backendJson(request, '/compliance');
  type Report = { compliant: boolean; checks: Array<{ status: string }> };
  const failing = (reports as Report[]).filter(r => !r.compliant);
  const failingChecks = failing.reduce(
    (n, r) => n + r.checks.filter(c => c.status === 'fail').length,
    0,
  );
  expect(failing.length, 'the seed has non-compliant clusters').toBeGreaterThan(
    0,
  );

  await signInAsGuest(page);
  await page.goto('/multicloud/compliance');
  await expect(
    page.getByText(
      `${reports.length - failing.length} of ${
        reports.length
      } clusters compliant`,
    ),
  ).toBeVisible();
  await expect(
    page.getByText(
      `${failing.length} ${
        failing.length === 1 ? 'cluster fails' : 'clusters fail'
      } ${failingChecks} checks in all`,
    ),
  ).toBeVisible();
  // One section per failing cluster, each listing its failing checks.
  await expect(
    page.getByRole('list', { name: /^Failing checks of / }),
  ).toHaveCount(failing.length);
  await screenshot(page, 'insights-compliance');
});

test('the cost page groups by team and a cluster shows its cost breakdown and checks', async ({
  page,
  request,
}) => {
  const cost = await backendJson(request, '/cost');
  await signInAsGuest(page);
  await page.goto('/multicloud/cost');
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page).toHaveURL(/by=owner/);
  const table = page.getByRole('table', { name: 'Cost by team' });
  for (const row of cost.by.owner as Array<{ key: string }>) {
    await expect(table.getByRole('rowheader', { name: row.key })).toBeVisible();
  }
  await screenshot(page, 'insights-cost');

  const detail = await backendJson(
    request,
    '/clusters/default/trustram-azure-cluster',
  );
  await page.goto('/multicloud/clusters/default/trustram-azure-cluster');
  const breakdown = page.getByRole('table', { name: 'Cost breakdown' });
  await expect(breakdown).toBeVisible();
  await expect(breakdown.getByRole('row')).toHaveCount(
    detail.cost.lines.length + 1,
  );
  await expect(
    page.getByText(perMonth(detail.cost.perMonth)).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Compliance checks' }).getByRole('listitem'),
  ).toHaveCount(detail.compliance.checks.length);
  await screenshot(page, 'insights-cluster-cost-compliance');
});
