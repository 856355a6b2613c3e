/**
 * Builds the web UI (web/) into dist/web/, which the API serves at `/`: one bundled, minified script and stylesheet
 * named by their content hash, and an index.html that names them. esbuild (already installed for tsx) takes well
 * under a second, so `npm start` (prestart) and the browser tests simply rebuild whenever a source is newer than the
 * last build. `npm run build` runs it after the server build, so the production image carries the UI too.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');
const webSource = path.join(root, 'web');
/** Where the API looks for the UI (api/web-ui.ts). */
export const webOutput = path.join(root, 'dist', 'web');
const indexFile = path.join(webOutput, 'index.html');

/** The newest modification time under these folders (the UI bundles web/ and the pure domain/ code it imports). */
function newestChange(folders: string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const folder of folders) visit(folder);
  return newest;
}

export async function buildWeb(): Promise<void> {
  rmSync(webOutput, { recursive: true, force: true });
  mkdirSync(webOutput, { recursive: true });
  const result = await build({
    entryPoints: [path.join(webSource, 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'esm',
    target: ['es2022'],
    platform: 'browser',
    jsx: 'automatic',
    outdir: path.join(webOutput, 'assets'),
    entryNames: '[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(webOutput, path.resolve(file)));
  const script = outputs.find((file) => file.endsWith('.js'));
  const stylesheet = outputs.find((file) => file.endsWith('.css'));
  if (!script || !stylesheet) throw new Error(`web build produced no script or stylesheet: ${outputs.join(', ')}`);
  const html = readFileSync(path.join(webSource, 'index.html'), 'utf8')
    .replace('%APP_JS%', `/${script.split(path.sep).join('/')}`)
    .replace('%APP_CSS%', `/${stylesheet.split(path.sep).join('/')}`);
  writeFileSync(indexFile, html);
}

/** Builds unless dist/web is newer than every source it comes from. */
export async function ensureWebBuild(): Promise<'built' | 'up to date'> {
  let builtAt = 0;
  try {
    builtAt = statSync(indexFile).mtimeMs;
  } catch {
    // never built
  }
  if (builtAt > newestChange([webSource, path.join(root, 'domain')])) return 'up to date';
  await buildWeb();
  return 'built';
}

if (require.main === module) {
  const force = process.argv.includes('--force');
  (force ? buildWeb().then(() => 'built' as const) : ensureWebBuild())
    .then((outcome) => console.log(`web UI: ${outcome} (${path.relative(root, webOutput)})`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
