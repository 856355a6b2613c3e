import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';

/**
 * Both workers load a prebuilt bundle, as the product's worker does in production (`npm run build`): start-up does no
 * webpack work, and each bench worker process is ready in seconds.
 */
export interface Bundles {
  product: string;
  floor: string;
}

export async function buildBundles(dir: string): Promise<Bundles> {
  mkdirSync(dir, { recursive: true });
  const logger = new DefaultLogger('WARN');
  const [product, floor] = await Promise.all([
    bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../floor/workflows'), logger }),
  ]);
  const paths = { product: path.join(dir, 'product-workflows.js'), floor: path.join(dir, 'floor-workflows.js') };
  writeFileSync(paths.product, product.code);
  writeFileSync(paths.floor, floor.code);
  return paths;
}
