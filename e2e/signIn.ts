import { expect, type Page } from '@playwright/test';

/** Signs in with the guest provider of the embedded default. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(page.getByRole('navigation', { name: 'sidebar nav' })).toBeVisible();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${__dirname}/screenshots/${name}.png`, fullPage: true });
}
