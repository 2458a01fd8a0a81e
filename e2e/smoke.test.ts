import { expect, test } from '@playwright/test';
import { screenshot, sidebarLink, signInAsGuest } from './signIn';

test('guest sign-in opens the catalog with the example services', async ({ page }) => {
  await signInAsGuest(page);
  // The catalog starts on the user's own components; the services belong to other teams.
  await page.goto('/?filters%5Bkind%5D=component&filters%5Buser%5D=all');
  await expect(page.getByText(/^All Components/)).toBeVisible();
  for (const service of ['payments-api', 'checkout-web', 'search-indexer']) {
    await expect(page.getByRole('link', { name: service, exact: true })).toBeVisible();
  }
  await screenshot(page, 'catalog');
});

test('the multicloud page is in the sidebar and renders', async ({ page }) => {
  await signInAsGuest(page);
  await sidebarLink(page, 'Multicloud').click();
  await expect(page).toHaveURL(/\/multicloud(\/overview)?$/);
  await expect(page.getByText('Multicloud fleet')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'AWS' })).toBeVisible();
  await screenshot(page, 'multicloud');
});
