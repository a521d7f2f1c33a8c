import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../test/support/chromium.ts';

// Timeouts sized for a loaded 2-core machine: a test fails on what it checks, not on a slow core.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: '../test-results',
  // The seed fixture site on a free port: global-setup.ts sets the origin before workers start.
  globalSetup: './global-setup.ts',
  use: {
    baseURL: process.env['PAPERBOY_E2E_ORIGIN'],
    navigationTimeout: 60_000,
    actionTimeout: 30_000,
    trace: 'off',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: CHROMIUM_LAUNCH } }],
});
