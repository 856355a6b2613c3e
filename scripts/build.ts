/**
 * `npm run build`: compiles the api and worker to dist/, copies the email templates beside the compiled
 * activities, and prebuilds the workflow bundle the worker loads in production.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../worker/workflow-bundle';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

async function build(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  cpSync(path.join(root, 'activities', 'templates'), path.join(dist, 'activities', 'templates'), { recursive: true });
  const { code } = await bundleWorkflowCode(workflowBundleOptions());
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'workflow-bundle.js'), code);
  console.log('built dist/ and dist/workflow-bundle.js');
}

build().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
