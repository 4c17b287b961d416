import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';
import { whyRebuild } from './tests/build-freshness';
import { launchOptions } from './tests/browser';
import { ensure, JAVA, orExit } from './tests/system-deps';

// Only the runner's own process prepares; its workers load this file again and find it done.
const isRunner = process.env.TEST_WORKER_INDEX === undefined;

// The browser and Java first: a missing one stops the run with one line, before any build.
const browser = orExit(launchOptions);
if (isRunner) orExit(() => ensure(JAVA));

// The tests run against the built site, rebuilt whenever content/, src/, public/ or a config is
// newer than it, so a change is never tested against an old build.
const stale = isRunner ? whyRebuild('dist') : null;
if (stale) {
  console.log(`Building the site (${stale})…`);
  execSync('npm run build', { stdio: 'inherit' });
}

const PORT = Number(process.env.E2E_PORT ?? 4390);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: browser,
    trace: 'off',
  },
  webServer: {
    command: `npx tsx scripts/serve.ts --strict --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
