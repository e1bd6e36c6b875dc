// End-to-end tests drive the built app (dist/) in Debian's Chromium; Playwright never
// downloads a browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in scripts/dev.sh).
import { defineConfig } from '@playwright/test';

const port = 4173;
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  webServer: [{
    command: `node tests/e2e/serve.mjs`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  }, {
    // The sync tests' CouchDB (pouchdb-server, in memory), proxied by serve.mjs at /couch/.
    command: `node tests/e2e/couch.mjs`,
    url: `http://127.0.0.1:5985/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  }],
});
