import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { backendJson } from './backendApi';
import { screenshot, sidebarLink, signInAsGuest } from './signIn';

const PRIMARY = 'default/trustram-aws-cluster';
const STANDBY = 'default/trustram-azure-cluster';

/** The standby's machines by phase, as the backend reports them. */
async function standbyMachines(request: APIRequestContext) {
  const { cluster } = await backendJson(request, `/clusters/${STANDBY}`);
  return cluster.machinesByPhase;
}

/** Preview the plan of the policy's action, confirm it, and wait for the run to succeed. */
async function planConfirmAndRun(page: Page, action: 'failover' | 'failback') {
  await page.getByRole('button', { name: `Plan ${action}… ${PRIMARY}` }).click();
  const dialog = page.getByRole('dialog', { name: `Failover of ${PRIMARY}` });
  await expect(dialog.getByRole('button', { name: 'Execute…' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Preview plan (dry run)' }).click();
  const steps = dialog.getByRole('list', { name: 'Planned steps' });
  await expect(steps).toBeVisible();
  await dialog.getByRole('button', { name: 'Execute…' }).click();
  const sentence = action === 'failover' ? `Fail over ${PRIMARY} to ${STANDBY}` : `Fail back ${PRIMARY} from ${STANDBY}`;
  const confirm = page.getByRole('dialog', { name: `${sentence}?` });
  await confirm.getByRole('button', { name: sentence }).click();
  await expect(page).toHaveURL(/[?&]run=/);
  // The standby's new machines come up in the simulator within a few controller ticks.
  await expect(page.getByRole('status', { name: 'Run status: succeeded' })).toBeVisible({ timeout: 150_000 });
  return new URL(page.url()).searchParams.get('run')!;
}

async function failedOver(request: APIRequestContext): Promise<boolean> {
  const { policies } = await backendJson(request, '/failover/policies');
  return policies.find((p: { cluster: string }) => p.cluster === PRIMARY).failedOver;
}

test('a platform-team member previews a failover, executes it and fails back', async ({ page, request }) => {
  test.setTimeout(420_000);
  const { policies } = await backendJson(request, '/failover/policies');
  const policy = policies.find((p: { cluster: string }) => p.cluster === PRIMARY);
  expect(policy, 'the seed declares a failover policy on the AWS cluster').toBeTruthy();
  expect(policy.failedOver, `${PRIMARY} is already failed over: an earlier run was interrupted`).toBe(false);

  const machinesBefore = await standbyMachines(request);

  await signInAsGuest(page);
  await sidebarLink(page, 'Multicloud').click();
  await page.getByRole('tab', { name: 'Failover' }).click();
  await expect(page).toHaveURL(/\/multicloud\/failover/);
  await expect(page.getByRole('table', { name: 'Circuit breakers' }).getByText('trustram-aws-cluster')).toBeVisible();

  // The dry run shows every step and the exact patch: the standby's pool is scaled first.
  await page.getByRole('button', { name: `Plan failover… ${PRIMARY}` }).click();
  const dialog = page.getByRole('dialog', { name: `Failover of ${PRIMARY}` });
  await dialog.getByRole('button', { name: 'Preview plan (dry run)' }).click();
  const patch = dialog.getByLabel('Patch of MachineDeployment default/trustram-azure-cluster-md-0');
  await expect(patch).toBeVisible();
  expect(JSON.parse((await patch.textContent())!)).toMatchObject({ spec: { replicas: expect.any(Number) } });
  await expect(dialog.getByLabel(`Patch of Cluster ${PRIMARY}`).first()).toBeVisible();
  await screenshot(page, 'failover-dry-run');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const failoverRun = await planConfirmAndRun(page, 'failover');
  const timeline = page.getByRole('list', { name: 'Step timeline' });
  await expect(timeline.getByText('Succeeded')).toHaveCount(
    (await backendJson(request, `/failover/runs/${failoverRun}`)).run.steps.length,
  );
  // The policy follows the fleet cache, which sees the run's last patch through its watch.
  await expect.poll(() => failedOver(request), { timeout: 10_000 }).toBe(true);
  await screenshot(page, 'failover-run');

  // Fail back, so the simulator serves from the primary again for the other tests.
  const failbackRun = await planConfirmAndRun(page, 'failback');
  await expect.poll(() => failedOver(request), { timeout: 10_000 }).toBe(false);
  const { runs } = await backendJson(request, `/failover/runs?cluster=${encodeURIComponent(PRIMARY)}`);
  expect(
    runs.filter((r: { id: string }) => r.id === failoverRun || r.id === failbackRun).map((r: { status: string }) => r.status),
  ).toEqual(['succeeded', 'succeeded']);
  // Leave a steady fleet for the tests after this one: the simulator removes the nodes the
  // failover added once failback restored the standby's replicas.
  await expect.poll(() => standbyMachines(request), { timeout: 120_000 }).toEqual(machinesBefore);
});
