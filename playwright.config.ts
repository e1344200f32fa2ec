import { defineConfig } from '@playwright/test';
import { findChromium } from './e2e/find-chromium.ts';

// Debian's Chromium (or $CAIRN_CHROMIUM), never a downloaded browser: `playwright install` is not
// used anywhere (e2e/find-chromium.ts says the order).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/results',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium()?.path ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    locale: 'ko-KR',
  },
});
