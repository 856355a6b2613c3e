/**
 * The browser the web UI's tests drive: Debian's `chromium` package, installed with apt-get when /usr/bin/chromium
 * is missing (run by `npm run tools`, so by `npm test`). Idempotent: nothing happens when it is there. Never a
 * browser download of playwright's own: playwright-core drives this executable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Override with ZI_CHROMIUM to drive another Chromium build. */
export const chromiumPath = process.env.ZI_CHROMIUM ?? '/usr/bin/chromium';

function apt(args: string[]): void {
  execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function ensureChromium(): void {
  if (existsSync(chromiumPath)) {
    console.log(`Chromium: ${chromiumPath}`);
    return;
  }
  if (process.env.ZI_CHROMIUM) throw new Error(`ZI_CHROMIUM=${chromiumPath} does not exist`);
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${chromiumPath} is missing: install Debian's chromium (sudo apt-get install -y chromium)`);
  }
  // Only the browser and a text font (its one recommendation screenshots need), not the desktop it recommends.
  const install = ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'];
  console.log(`Chromium is missing: apt-get ${install.join(' ')}`);
  try {
    apt(install);
  } catch {
    // A fresh machine has no package lists yet.
    apt(['update']);
    apt(install);
  }
  if (!existsSync(chromiumPath)) throw new Error(`apt-get installed chromium but ${chromiumPath} is still missing`);
}

if (require.main === module) {
  try {
    ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
