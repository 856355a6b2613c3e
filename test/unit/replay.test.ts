import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowsFromSource } from '../../worker/workflow-bundle';

/**
 * Replays recorded workflow histories against today's workflow code: a change that would break running
 * workflows (non-determinism) fails here. Needs no server. Histories are recorded with RECORD_HISTORIES=1
 * (see test/integration/task-workflow.test.ts); change workflows with `patched()` rather than re-recording. When a
 * patched change is re-recorded, the older history stays beside it, named for what it predates, so both paths replay.
 */
const historiesDir = path.join(__dirname, '..', 'fixtures', 'histories');
const workflows = workflowsFromSource();
const histories = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

describe('recorded workflow histories replay on the current code', () => {
  it('has at least one recorded history to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)(
    '%s',
    async (file) => {
      const history: unknown = JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8'));
      await expect(Worker.runReplayHistory(workflows, history, file)).resolves.toBeUndefined();
    },
    60_000,
  );
});
