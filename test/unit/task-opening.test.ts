import { defaultCatalogue } from '../../domain/catalogue';
import type { TaskPerson, TaskWorkflowInput } from '../../workflows/definitions';
import { openingSeq, taskOpening } from '../../workflows/task-opening';

const head: TaskPerson = { personId: 'kepala@unit.go.id', name: 'Kepala Unit', email: 'kepala@unit.go.id', roles: [] };
const template = defaultCatalogue.templates.find((candidate) => candidate.evidence.documents.length > 0)!;

function inputWith(overrides: Partial<TaskWorkflowInput> = {}): TaskWorkflowInput {
  return {
    cycleId: '2026-a',
    unit: { code: 'UK-01', name: 'Dinas Satu' },
    template,
    due: '2026-03-20T09:00:00.000Z',
    assignees: [head],
    reviewers: [],
    schedule: { zone: 'WITA', digestRecipients: ['kepala@unit.go.id'] },
    announcedByUnit: true,
    ...overrides,
  };
}

describe('a task opened by its unit', () => {
  it('is recorded as the task would record its first step: open, seq 1, its template, assignees and due', () => {
    const { record } = taskOpening(inputWith(), 'tugas:2026-a:UK-01:x', '2026-03-02T01:00:00.000Z');
    expect(record.seq).toBe(openingSeq);
    expect(record.event).toBeUndefined();
    expect(record).toMatchObject({ stage: template.stage, area: template.area, description: template.description });
    expect(record.view).toMatchObject({
      taskId: 'tugas:2026-a:UK-01:x',
      cycleId: '2026-a',
      unitCode: 'UK-01',
      templateKey: template.key,
      title: template.title,
      status: 'open',
      assignees: ['kepala@unit.go.id'],
      due: '2026-03-20T09:00:00.000Z',
      requiredDocuments: template.evidence.documents,
      evidence: [],
      escalationLevel: 0,
      overdue: false,
    });
  });

  it('announces the assignment to its assignees with the step, the unit and the instansi zone', () => {
    const { notification } = taskOpening(inputWith(), 'tugas:2026-a:UK-01:x', '2026-03-02T01:00:00.000Z');
    expect(notification).toMatchObject({
      kind: 'task-assigned',
      seq: openingSeq,
      recipients: [head],
      zone: 'WITA',
      digestRecipients: ['kepala@unit.go.id'],
      at: '2026-03-02T01:00:00.000Z',
      task: { taskId: 'tugas:2026-a:UK-01:x', unitName: 'Dinas Satu', stage: template.stage, status: 'open' },
    });
  });

  it('sends nothing for a task open to a role rather than named people', () => {
    const opening = taskOpening(inputWith({ assignees: [] }), 'tugas:2026-a:UK-01:x', '2026-03-02T01:00:00.000Z');
    expect(opening.notification).toBeUndefined();
    expect(opening.record.view.assignees).toEqual([]);
  });

  it('is overdue when opened after its due date (a stage opened late)', () => {
    const { record } = taskOpening(inputWith(), 'tugas:2026-a:UK-01:x', '2026-04-01T00:00:00.000Z');
    expect(record.view.overdue).toBe(true);
  });
});
