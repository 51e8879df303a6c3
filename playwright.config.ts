import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3457);
/** The test mailbox (e2e/mailbox.ts): its messages over HTTP, and the SMTP port the app sends to. */
export const mailboxPort = port + 1;
const smtpPort = port + 2;
const dataDir = `.tmp/e2e-${process.pid}`;

export const demoPassword = 'correct-horse-battery-9';

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own browser download is not used)
 * against the built app served by the real server on a fresh embedded database.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list']],
  outputDir: '.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node bin/run-ts.js e2e/mailbox.ts ${mailboxPort} ${smtpPort}`,
      url: `http://127.0.0.1:${mailboxPort}/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `rm -rf ${dataDir} && node bin/sightlines.js serve`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        SIGHTLINES_DATA_DIR: dataDir,
        SIGHTLINES_DEMO_PASSWORD: demoPassword,
        SIGHTLINES_LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        SIGHTLINES_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SIGHTLINES_PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
    },
  ],
});
