import { defineConfig } from '@playwright/test';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/**
 * E2E tests against the portal started by scripts/e2e.sh. The browser is Debian's
 * Chromium: Playwright's own browser downloads cannot work on these machines.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.test.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  forbidOnly: !!process.env.CI,
  outputDir: path.join(root, '.run/playwright-output'),
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(root, '.run/playwright-results.json') }],
  ],
  use: {
    baseURL: process.env.PORTAL_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
