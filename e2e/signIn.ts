import { expect, type Page } from '@playwright/test';
import fs from 'node:fs/promises';

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

/**
 * Saves a screenshot and, beside it, the page's visible text and HTML: the secrets scan
 * (`yarn scan:secrets`) cannot read pixels, so it searches what the screenshot shows as text.
 */
export async function screenshot(page: Page, name: string) {
  const base = `${__dirname}/screenshots/${name}`;
  await page.screenshot({ path: `${base}.png`, fullPage: true });
  await fs.writeFile(`${base}.txt`, await page.locator('body').innerText());
  await fs.writeFile(`${base}.html`, await page.content());
}
