import { expect, type Page } from '@playwright/test';

/** Signs in with the guest provider of the embedded default. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  // The first visit may wait for the dev server's initial bundle.
  await expect(sidebarLink(page, 'Catalog')).toBeVisible({ timeout: 90_000 });
}

/** A link of the sidebar (the nav element itself is reported hidden while it animates). */
export function sidebarLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', { name, exact: true });
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${__dirname}/screenshots/${name}.png`, fullPage: true });
}
