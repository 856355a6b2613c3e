import { readFileSync } from 'node:fs';
import path from 'node:path';
import { workerDeployment } from '../../config/worker-deployment';

/** The benchmarks measure the worker as config/worker-deployment.ts describes it; docker-compose must deploy that. */
const root = path.resolve(__dirname, '../..');
const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');

function workerCommand(text: string): string[] {
  const service = /^ {2}worker:\n((?: {4}.*\n|\n)*)/m.exec(text)?.[1] ?? '';
  const command = /^ {4}command: \[(.*)\]$/m.exec(service)?.[1];
  if (command === undefined) throw new Error('docker-compose.yml: no command for the worker service');
  return command.split(',').map((part) => part.trim().replace(/^'|'$/g, ''));
}

describe('the worker as deployed', () => {
  it('runs with the node flags the benchmarks measured', () => {
    expect(workerCommand(compose)).toEqual(['node', ...workerDeployment.nodeFlags, 'dist/worker/main.js']);
  });

  it('defaults to the workflow cache size the benchmarks measured', () => {
    expect(compose).toContain(
      `WORKER_MAX_CACHED_WORKFLOWS: \${WORKER_MAX_CACHED_WORKFLOWS:-${workerDeployment.maxCachedWorkflows}}`,
    );
  });

  it('is described so in the Dockerfile', () => {
    expect(dockerfile).toContain(`node ${workerDeployment.nodeFlags.join(' ')} dist/worker/main.js`);
  });
});
