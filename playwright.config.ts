import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. Each test file starts its own browser-mode host.
export default defineConfig({
  testDir: 'tests/e2e',
  // The demo project written once, copied for each test file that starts on it.
  globalSetup: './tests/e2e/global-setup.ts',
  timeout: 60_000,
  // CI machines are slower and busier than a desk: waits for state get room, never fixed sleeps.
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: false,
  outputDir: '.test-output/playwright',
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'app', testIgnore: /npm-start\.spec\.ts/ },
    // `npm start` rebuilds the renderer that the other tests serve, so it runs once they are done.
    { name: 'npm start', testMatch: /npm-start\.spec\.ts/, dependencies: ['app'] },
  ],
});
