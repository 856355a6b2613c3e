import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../../worker/workflow-bundle';
import { repoRoot } from './children';

/**
 * Both workers and the API run as the product's run in production (`npm run build`): compiled JavaScript, no
 * TypeScript loader in the process (it would weigh in the memory and CPU figures); the workers load a prebuilt
 * workflow bundle, so start-up does no webpack work and each bench worker process is ready in seconds.
 */
export interface Bundles {
  product: string;
  floor: string;
  /** The compiled entry points (bench/tsconfig.processes.json, in .bench/build so they find node_modules). */
  productWorker: string;
  floorWorker: string;
  api: string;
}

export async function buildBundles(dir: string): Promise<Bundles> {
  mkdirSync(dir, { recursive: true });
  const logger = new DefaultLogger('WARN');
  const [product, floor] = await Promise.all([
    bundleWorkflowCode({ ...workflowBundleOptions(), logger }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../floor/workflows'), logger }),
  ]);
  const paths = { product: path.join(dir, 'product-workflows.js'), floor: path.join(dir, 'floor-workflows.js') };
  writeFileSync(paths.product, product.code);
  writeFileSync(paths.floor, floor.code);
  return { ...paths, ...compileProcesses() };
}

function compileProcesses(): Pick<Bundles, 'productWorker' | 'floorWorker' | 'api'> {
  const out = path.join(repoRoot, '.bench', 'build');
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(repoRoot, 'bench', 'tsconfig.processes.json')],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  // As scripts/build.ts does: the email templates sit beside the compiled activities.
  cpSync(path.join(repoRoot, 'activities', 'templates'), path.join(out, 'activities', 'templates'), {
    recursive: true,
  });
  return {
    productWorker: path.join(out, 'worker', 'main.js'),
    floorWorker: path.join(out, 'bench', 'floor', 'worker.js'),
    api: path.join(out, 'api', 'server.js'),
  };
}
