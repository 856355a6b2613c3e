/**
 * The web UI in a real browser against the real app: the test stack's Express app listening on a loopback port
 * (port 0: the OS picks a free one), the UI built from web/ if it changed, and Debian's Chromium driven by
 * playwright-core (installed by `npm run tools`; never a browser download). Each person gets their own browser
 * context: separate storage, so separate sessions, as on separate machines.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Express } from 'express';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ensureWebBuild } from '../../../scripts/build-web';
import { chromiumPath } from '../../../scripts/install-browser';
import { useTestStack, type TestStack } from '../../support/stack';

export interface WebHarness {
  baseUrl: string;
  browser: Browser;
  /** A new browser context (fresh storage) and page, at desktop size in the WIB zone with an Indonesian locale. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
}

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

async function listen(app: Express): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * The test stack (worker, app, models) plus the app listening and a browser. Call at the top level of a test file.
 * Playwright's launch gives every run a fresh temporary profile (user-data-dir) and removes it on close.
 */
export function useWebStack(): { stack: () => TestStack; web: () => WebHarness } {
  const stack = useTestStack();
  let harness: WebHarness | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await ensureWebBuild();
    const listening = await listen(stack().app);
    server = listening.server;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    const opened = browser;
    harness = {
      baseUrl: listening.baseUrl,
      browser: opened,
      async newPage(options = {}) {
        const context = await opened.newContext({
          baseURL: listening.baseUrl,
          viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
          locale: 'id-ID',
          timezoneId: 'Asia/Jakarta',
        });
        context.setDefaultTimeout(15_000);
        return context.newPage();
      },
    };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  return {
    stack,
    web: () => {
      if (!harness) throw new Error('the web harness is not started yet');
      return harness;
    },
  };
}

/**
 * Waits until `locator` shows, pressing the page's "Muat ulang" (reload) button between looks: the data behind it
 * comes from workflows that finish moments after the click that started them, as a person would refresh.
 */
export async function untilVisible(
  page: Page,
  locator: Locator,
  options: { timeoutMs?: number; refresh?: Locator } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const refresh = options.refresh ?? page.getByRole('button', { name: 'Muat ulang' }).first();
  for (;;) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 1_500 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (await refresh.isVisible()) await refresh.click();
      else await page.reload();
    }
  }
}

/** Where screenshots go: docs/screenshots with SCREENSHOTS=1 (to refresh the README's), a temporary folder otherwise. */
export function screenshotPath(name: string): string {
  const dir =
    process.env.SCREENSHOTS === '1'
      ? path.resolve(__dirname, '../../../docs/screenshots')
      : path.join(process.env.TMPDIR ?? '/tmp', 'zi-screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
