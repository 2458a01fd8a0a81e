import { expect, test } from '@playwright/test';
import { screenshot, signInAsGuest } from './signIn';

test('guest sign-in opens the catalog with the example services', async ({ page }) => {
  await signInAsGuest(page);
  for (const service of ['payments-api', 'checkout-web', 'search-indexer']) {
    await expect(page.getByRole('link', { name: service, exact: true })).toBeVisible();
  }
  await screenshot(page, 'catalog');
});

test('the multicloud page is in the sidebar and renders', async ({ page }) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Multicloud' }).click();
  await expect(page).toHaveURL(/\/multicloud$/);
  await expect(page.getByText('Multicloud fleet')).toBeVisible();
  await expect(page.getByText('ok', { exact: true })).toBeVisible();
  await screenshot(page, 'multicloud');
});
