import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureTemporal } from '../../scripts/services/tools';
import type { TestStack } from './stack';

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history to test/fixtures/histories/<name>.json, which
 * test/unit/replay.test.ts replays against the current code in CI. The CLI's JSON is the format
 * Worker.runReplayHistory reads. Re-record only for changes no running workflow has seen; otherwise use patched().
 */
export function recordHistoryIfAsked(stack: TestStack, name: string, workflowId: string, runId?: string): void {
  if (process.env.RECORD_HISTORIES !== '1') return;
  // A unit's history, with the catalogue in every task's input, exceeds execFileSync's 1 MB default buffer.
  const json = execFileSync(
    ensureTemporal(),
    [
      ...['workflow', 'show', '--output', 'json', '--workflow-id', workflowId, ...(runId ? ['--run-id', runId] : [])],
      ...['--address', stack.config.temporal.address, '--namespace', stack.config.temporal.namespace],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  writeFileSync(path.join(__dirname, '..', 'fixtures', 'histories', `${name}.json`), json);
}
