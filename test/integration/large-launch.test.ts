import request from 'supertest';
import { stageCodes } from '../../domain/stages';
import { cycleStateQuery, cycleWorkflowId } from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { adminToken, bearer, launchRequest } from '../support/auth';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();

/** More units than fit Temporal's 4 MB message limit when every unit's start (with the catalogue) goes in one task. */
const unitCount = 160;

/** Every stage opens in June: the units start and wait, so the launch itself is all this measures. */
const timeline = Object.fromEntries(stageCodes.map((stage) => [stage, { opens: '2026-06-01', due: '2026-12-30' }]));

describe('a large launch', () => {
  it(`starts every unit of a ${unitCount}-unit cycle with the full default catalogue, its history a few kB a unit`, async () => {
    const base = pinnedLaunchBody();
    const tag = base.launchedBy.email.split('@')[0]!.replace('organisasi-', '').toUpperCase();
    const units = Array.from({ length: unitCount }, (_, index) => ({
      code: `BESAR-${tag}-${index + 1}`,
      name: `Unit besar ${index + 1}`,
      head: { name: `Kepala ${index + 1}`, email: `kepala-${index + 1}-${tag.toLowerCase()}@pemkot.test` },
    }));
    const body = { ...base, units, timeline };
    const admin = await adminToken(stack(), body.launchedBy);
    const launched = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest(body))
      .expect(202);
    const handle = stack().client.workflow.getHandle(cycleWorkflowId(launched.body.id));
    try {
      const state = await eventually(
        async () => {
          const current = await handle.query(cycleStateQuery);
          return current.status === 'launched' ? current : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 1_000, what: `the ${unitCount}-unit cycle to finish launching` },
      );
      expect(state.units).toHaveLength(unitCount);
      expect(state.units.every((unit) => unit.status === 'active' && unit.stage === 'persiapan')).toBe(true);
      // The units load the stored catalogue: with it in every unit's input (34.8 kB), the cycle's history grew by
      // about 37 kB a unit, some 37 MB at the API's 1,000 units against Temporal's 50 MB limit. Without it, about
      // 8 kB, most of it the holiday calendar every unit is given.
      const historyBytes = Number((await handle.describe()).raw.workflowExecutionInfo?.historySizeBytes);
      console.log(`[large-launch] cycle history ${(historyBytes / 1024).toFixed(0)} kB for ${unitCount} units`);
      expect(historyBytes / unitCount).toBeLessThan(16 * 1024);
    } finally {
      await handle.terminate('large-launch test finished').catch(() => undefined);
    }
  }, 180_000);
});
