import { cycleWorkflowId, cycleWorkflowType, defaultTaskQueue } from '../../workflows/definitions';

describe('workflow definitions', () => {
  it('derives the workflow id from the cycle id', () => {
    expect(cycleWorkflowId('2026-abc')).toBe('siklus:2026-abc');
  });

  it('gives different cycles different workflow ids', () => {
    expect(cycleWorkflowId('2026-abc')).not.toBe(cycleWorkflowId('2026-abd'));
  });

  it('names the workflow type and default task queue the worker registers', () => {
    expect(cycleWorkflowType).toBe('cycleWorkflow');
    expect(defaultTaskQueue).toBe('zi-orchestrator');
  });
});
