import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { preloadedDomainModules } from '../../worker/workflow-bundle';

/**
 * Every domain module a workflow imports (for its values, not only types) is preloaded: one left out would be built
 * again for every workflow the worker instantiates, silently, with nothing else failing.
 */
const workflowsDir = path.join(__dirname, '..', '..', 'workflows');
const valueImports = /import\s+(?!type\b)[^;]*?from\s+'\.\.\/domain\/([^']+)'/g;

it('preloads every domain module the workflows import, and no other', () => {
  const imported = new Set<string>();
  for (const file of readdirSync(workflowsDir).filter((name) => name.endsWith('.ts'))) {
    for (const match of readFileSync(path.join(workflowsDir, file), 'utf8').matchAll(valueImports)) {
      imported.add(match[1]!);
    }
  }
  expect(imported.size).toBeGreaterThan(0);
  expect([...preloadedDomainModules].sort()).toEqual([...imported].sort());
});
