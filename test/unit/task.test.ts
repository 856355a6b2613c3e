import {
  decideTask,
  isOverdue,
  missingDocuments,
  newTaskState,
  type Actor,
  type TaskCommand,
  type TaskDecision,
  type TaskState,
} from '../../domain/task';

const at = '2026-03-02T02:00:00.000Z';
const anggota: Actor = { personId: 'ani', roles: ['anggota_tim'] };
const otherAnggota: Actor = { personId: 'budi', roles: ['anggota_tim'] };
const ketua: Actor = { personId: 'citra', roles: ['ketua_tim'] };
const admin: Actor = { personId: 'dewi', roles: ['admin_organisasi'] };
const ketuaWhoAlsoWorks: Actor = { personId: 'eko', roles: ['anggota_tim', 'ketua_tim'] };

const documents = ['SK Tim Kerja ZI', 'Notulen rapat'];
const fullEvidence = documents.map((document) => ({ document, ref: `https://drive.example/${document}` }));

function task(overrides: Partial<TaskState> = {}): TaskState {
  return {
    ...newTaskState({
      assigneeRole: 'anggota_tim',
      reviewerRole: 'ketua_tim',
      evidenceRequired: true,
      requiredDocuments: documents,
      due: '2026-03-10T09:00:00.000Z',
    }),
    ...overrides,
  };
}

function accepted(decision: TaskDecision): TaskState {
  if (!decision.ok) throw new Error(`expected acceptance, got refusal: ${decision.reason}`);
  return decision.state;
}

function refusal(decision: TaskDecision): string {
  if (decision.ok) throw new Error(`expected refusal, got ${decision.state.status}`);
  return decision.reason;
}

/** Runs commands in order from a fresh task; every one must be accepted. */
function run(...commands: TaskCommand[]): TaskState {
  return commands.reduce((state, command) => accepted(decideTask(state, command, at)), task());
}

describe('task lifecycle', () => {
  it('goes open → claimed → submitted → approved and records who did what', () => {
    const state = run(
      { type: 'claim', actor: anggota },
      { type: 'submit', actor: anggota, evidence: fullEvidence, note: 'Sudah lengkap' },
      { type: 'review', actor: ketua, decision: 'approve' },
    );
    expect(state.status).toBe('approved');
    expect(state.claimedBy).toBe('ani');
    expect(state.evidence).toEqual(fullEvidence);
    expect(state.history.map((e) => [e.type, e.by, e.from, e.to])).toEqual([
      ['claim', 'ani', 'open', 'claimed'],
      ['submit', 'ani', 'claimed', 'submitted'],
      ['review', 'citra', 'submitted', 'approved'],
    ]);
    expect(state.history[1]).toMatchObject({ note: 'Sudah lengkap', at });
  });

  it('loops through revision until approved', () => {
    const state = run(
      { type: 'claim', actor: anggota },
      { type: 'submit', actor: anggota, evidence: fullEvidence },
      { type: 'review', actor: ketua, decision: 'request_revision', note: 'Notulen belum ditandatangani' },
      { type: 'submit', actor: anggota, evidence: fullEvidence },
      { type: 'review', actor: ketua, decision: 'approve' },
    );
    expect(state.history.map((e) => e.to)).toEqual([
      'claimed',
      'submitted',
      'revision_requested',
      'submitted',
      'approved',
    ]);
    expect(state.history[2]?.note).toBe('Notulen belum ditandatangani');
  });

  it('lets an eligible assignee submit straight from open, which claims it', () => {
    const state = run({ type: 'submit', actor: anggota, evidence: fullEvidence });
    expect(state).toMatchObject({ status: 'submitted', claimedBy: 'ani', lastSubmittedBy: 'ani' });
  });

  it('does not change the state it decides on', () => {
    const before = task();
    const snapshot = JSON.stringify(before);
    decideTask(before, { type: 'claim', actor: anggota }, at);
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});

describe('refusals name the reason in Bahasa Indonesia', () => {
  it.each<[string, TaskCommand[], TaskCommand, RegExp]>([
    ['claim by someone without the assignee role', [], { type: 'claim', actor: ketua }, /bukan penanggung jawab/],
    ['a second claim', [{ type: 'claim', actor: anggota }], { type: 'claim', actor: otherAnggota }, /sudah diambil/],
    [
      'submit by someone other than the claimer',
      [{ type: 'claim', actor: anggota }],
      { type: 'submit', actor: otherAnggota, evidence: fullEvidence },
      /Hanya penanggung jawab/,
    ],
    [
      'submit with a required document missing',
      [{ type: 'claim', actor: anggota }],
      { type: 'submit', actor: anggota, evidence: [fullEvidence[0]!] },
      /Data dukung belum lengkap: Notulen rapat/,
    ],
    [
      'submit with an empty reference',
      [{ type: 'claim', actor: anggota }],
      { type: 'submit', actor: anggota, evidence: [fullEvidence[0]!, { document: 'Notulen rapat', ref: '  ' }] },
      /Notulen rapat/,
    ],
    [
      'a second submit while waiting for review',
      [{ type: 'submit', actor: anggota, evidence: fullEvidence }],
      { type: 'submit', actor: anggota, evidence: fullEvidence },
      /menunggu reviu/,
    ],
    ['review before submission', [], { type: 'review', actor: ketua, decision: 'approve' }, /belum dikirim/],
    [
      'review by a role that is not the reviewer',
      [{ type: 'submit', actor: anggota, evidence: fullEvidence }],
      { type: 'review', actor: admin, decision: 'approve' },
      /tidak berwenang/,
    ],
    [
      'a reviewer approving their own submission',
      [{ type: 'submit', actor: ketuaWhoAlsoWorks, evidence: fullEvidence }],
      { type: 'review', actor: ketuaWhoAlsoWorks, decision: 'approve' },
      /kirimannya sendiri/,
    ],
    [
      'a revision request without a note',
      [{ type: 'submit', actor: anggota, evidence: fullEvidence }],
      { type: 'review', actor: ketua, decision: 'request_revision', note: ' ' },
      /wajib disertai catatan/,
    ],
    ['reassign by a member', [], { type: 'reassign', actor: anggota, to: 'budi' }, /Hanya ketua tim/],
    ['reassign to nobody', [], { type: 'reassign', actor: ketua, to: ' ' }, /Penerima/],
    [
      'extend by a member',
      [],
      { type: 'extend_due', actor: anggota, due: '2026-04-01T09:00:00.000Z', reason: 'x' },
      /memperpanjang/,
    ],
    [
      'extend to an earlier date',
      [],
      { type: 'extend_due', actor: ketua, due: '2026-03-01T09:00:00.000Z', reason: 'x' },
      /harus setelah/,
    ],
    [
      'extend without a reason',
      [],
      { type: 'extend_due', actor: ketua, due: '2026-04-01T09:00:00.000Z', reason: '' },
      /Alasan/,
    ],
    [
      'extend to a date that is not one',
      [],
      { type: 'extend_due', actor: ketua, due: 'besok', reason: 'x' },
      /tidak valid/,
    ],
    ['cancel by the ketua', [], { type: 'cancel', actor: ketua, reason: 'x' }, /Bagian Organisasi/],
    ['cancel without a reason', [], { type: 'cancel', actor: admin, reason: '' }, /Alasan/],
    [
      'any change after approval',
      [
        { type: 'submit', actor: anggota, evidence: fullEvidence },
        { type: 'review', actor: ketua, decision: 'approve' },
      ],
      { type: 'reassign', actor: ketua, to: 'budi' },
      /sudah disetujui/,
    ],
    [
      'any change after cancellation',
      [{ type: 'cancel', actor: admin, reason: 'Unit ditarik' }],
      { type: 'claim', actor: anggota },
      /sudah dibatalkan/,
    ],
  ])('%s', (_case, before, command, reason) => {
    expect(refusal(decideTask(run(...before), command, at))).toMatch(reason);
  });
});

describe('steering', () => {
  it('reassigning a claimed task releases the claim and limits it to the new person', () => {
    const state = run({ type: 'claim', actor: anggota }, { type: 'reassign', actor: ketua, to: 'budi' });
    expect(state).toMatchObject({ status: 'open', assignees: ['budi'], claimedBy: undefined });
    expect(refusal(decideTask(state, { type: 'claim', actor: anggota }, at))).toMatch(/bukan penanggung jawab/);
    expect(accepted(decideTask(state, { type: 'claim', actor: otherAnggota }, at)).claimedBy).toBe('budi');
  });

  it('reassigning a submitted task keeps it waiting for review', () => {
    const state = run(
      { type: 'submit', actor: anggota, evidence: fullEvidence },
      { type: 'reassign', actor: admin, to: 'budi' },
    );
    expect(state.status).toBe('submitted');
  });

  it('extending the due date keeps the status and records the reason', () => {
    const state = run(
      { type: 'claim', actor: anggota },
      { type: 'extend_due', actor: ketua, due: '2026-03-20T09:00:00.000Z', reason: 'Menunggu SK Bupati' },
    );
    expect(state).toMatchObject({ status: 'claimed', due: '2026-03-20T09:00:00.000Z' });
    expect(state.history.at(-1)).toMatchObject({ type: 'extend_due', note: 'Menunggu SK Bupati' });
  });

  it('a task without required evidence can be submitted with none', () => {
    const state = accepted(
      decideTask(task({ evidenceRequired: false }), { type: 'submit', actor: anggota, evidence: [] }, at),
    );
    expect(state.status).toBe('submitted');
  });
});

describe('isOverdue', () => {
  it.each([
    ['open, before due', 'open', '2026-03-10T08:59:59.000Z', false],
    ['open, exactly at due', 'open', '2026-03-10T09:00:00.000Z', false],
    ['open, after due', 'open', '2026-03-10T09:00:01.000Z', true],
    ['submitted, after due', 'submitted', '2026-03-11T00:00:00.000Z', true],
    ['approved, after due', 'approved', '2026-03-11T00:00:00.000Z', false],
    ['cancelled, after due', 'cancelled', '2026-03-11T00:00:00.000Z', false],
  ] as const)('%s', (_case, status, now, expected) => {
    expect(isOverdue({ status, due: '2026-03-10T09:00:00.000Z' }, now)).toBe(expected);
  });
});

describe('missingDocuments', () => {
  it('lists required documents without evidence, in the template order', () => {
    expect(missingDocuments(task(), [])).toEqual(documents);
    expect(missingDocuments(task(), [fullEvidence[1]!])).toEqual(['SK Tim Kerja ZI']);
    expect(missingDocuments(task(), fullEvidence)).toEqual([]);
  });
});
