// Which Chromium the end-to-end suite drives, in order: $CAIRN_CHROMIUM, Debian's chromium,
// then a browser Playwright itself installed earlier (we never run `playwright install`: it
// downloads a binary). Shared by playwright.config.ts and ensure-chromium.ts.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  path: string;
  source: 'CAIRN_CHROMIUM' | 'debian' | 'playwright';
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice | null {
  if (env.CAIRN_CHROMIUM) return existsSync(env.CAIRN_CHROMIUM) ? { path: env.CAIRN_CHROMIUM, source: 'CAIRN_CHROMIUM' } : null;
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  let own = '';
  try {
    own = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser of its own; that is the normal case here.
  }
  return own && existsSync(own) ? { path: own, source: 'playwright' } : null;
}
