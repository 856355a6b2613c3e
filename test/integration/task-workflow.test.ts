import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { findTemplate, defaultCatalogue } from '../../domain/catalogue';
import { teamFor } from '../fixtures/team';
import {
  claimTaskUpdate,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskStateQuery,
  taskWorkflowId,
  taskWorkflowType,
  type TaskView,
  type TaskWorkflowInput,
} from '../../workflows/definitions';
import { person } from '../fixtures/people';
import { messagesTo, readMessage } from '../support/mailbox';
import { recordHistoryIfAsked } from '../support/record-history';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();

async function startTask() {
  const template = findTemplate(defaultCatalogue, 'submit_tim_kerja');
  if (!template) throw new Error('the default catalogue lost submit_tim_kerja');
  const cycleId = `2026-${randomUUID().slice(0, 8)}`;
  const pimpinan = person('kadis', 'pimpinan');
  const admin = person('organisasi', 'admin_organisasi');
  const input: TaskWorkflowInput = {
    cycleId,
    unit: { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
    template,
    due: '2026-03-16T09:00:00.000Z',
    assignees: [pimpinan],
    reviewers: [admin],
  };
  const handle = await stack().client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(
    taskWorkflowType,
    {
      workflowId: taskWorkflowId(cycleId, input.unit.code, template.key),
      taskQueue: stack().config.temporal.taskQueue,
      args: [input],
    },
  );
  return { handle, template, pimpinan, admin, taskId: handle.workflowId };
}

describe('task workflow on real Temporal, MongoDB and SMTP', () => {
  it('runs claim → submit → revision → submit → approve, persisting each step and emailing each party', async () => {
    const { handle, template, pimpinan, admin, taskId } = await startTask();
    const team = teamFor('DISDUKCAPIL').submission;
    const evidence = template.evidence.documents.map((document) => ({
      document,
      ref: `https://drive.test/${document}`,
    }));

    const [assigned] = await eventually(async () => {
      const messages = await messagesTo(pimpinan.email);
      return messages.length > 0 ? messages : undefined;
    });
    expect(assigned!.Subject).toBe(`Tugas baru: ${template.title} (DISDUKCAPIL)`);
    const assignedBody = await readMessage(assigned!.ID);
    for (const document of template.evidence.documents) expect(assignedBody.Text).toContain(`- ${document}`);
    expect(assignedBody.Text).toContain(`http://zi.test/tugas/${encodeURIComponent(taskId)}`);

    const claimed = await handle.executeUpdate(claimTaskUpdate, { args: [{ actor: pimpinan }] });
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: 'kadis' });
    // The update answers once its change is persisted.
    expect(await stack().models.Task.findById(taskId).lean()).toMatchObject({ status: 'claimed', seq: 2 });

    await handle.executeUpdate(submitTaskUpdate, { args: [{ actor: pimpinan, evidence, note: 'SK terlampir', team }] });
    await handle.executeUpdate(reviewTaskUpdate, {
      args: [{ actor: admin, decision: 'request_revision', note: 'Notulen belum ditandatangani' }],
    });
    await handle.executeUpdate(submitTaskUpdate, { args: [{ actor: pimpinan, evidence, team }] });
    const approved = await handle.executeUpdate(reviewTaskUpdate, { args: [{ actor: admin, decision: 'approve' }] });
    expect(approved.status).toBe('approved');

    // The workflow ends once approved, with the full history.
    const final = await handle.result();
    expect(final.history.map((event) => event.to)).toEqual([
      'claimed',
      'submitted',
      'revision_requested',
      'submitted',
      'approved',
    ]);

    recordHistoryIfAsked(stack(), 'task-workflow.revision-then-approval', taskId);

    const stored = await stack().models.Task.findById(taskId).lean();
    expect(stored).toMatchObject({ status: 'approved', seq: 6, cycleId: expect.any(String), evidence });
    const audit = await stack().models.AuditEvent.find({ entityId: taskId }).sort({ _id: 1 }).lean();
    expect(audit.map((event) => [event.type, event.by, event.from, event.to])).toEqual([
      ['claim', 'kadis', 'open', 'claimed'],
      ['submit', 'kadis', 'claimed', 'submitted'],
      ['review', 'organisasi', 'submitted', 'revision_requested'],
      ['submit', 'kadis', 'revision_requested', 'submitted'],
      ['review', 'organisasi', 'submitted', 'approved'],
    ]);

    // Reviewer: told twice that work waits; submitter: assignment, revision, approval — each exactly once.
    const reviewerMail = await eventually(async () => {
      const messages = await messagesTo(admin.email);
      return messages.length === 2 ? messages : undefined;
    });
    expect(reviewerMail.map((m) => m.Subject)).toEqual([
      `Menunggu reviu: ${template.title} (DISDUKCAPIL)`,
      `Menunggu reviu: ${template.title} (DISDUKCAPIL)`,
    ]);
    const submitterMail = await eventually(async () => {
      const messages = await messagesTo(pimpinan.email);
      return messages.length === 3 ? messages : undefined;
    });
    expect(submitterMail.map((m) => m.Subject.split(':')[0]).sort()).toEqual([
      'Disetujui',
      'Perlu perbaikan',
      'Tugas baru',
    ]);
    const revision = submitterMail.find((m) => m.Subject.startsWith('Perlu perbaikan'))!;
    expect((await readMessage(revision.ID)).Text).toContain('Catatan reviu: Notulen belum ditandatangani');
  });

  it('rejects a refused command with the reason, records nothing, and keeps the task usable', async () => {
    const { handle, template, pimpinan, admin, taskId } = await startTask();
    await handle.executeUpdate(claimTaskUpdate, { args: [{ actor: pimpinan }] });
    const allEvidence = template.evidence.documents.map((document) => ({
      document,
      ref: `https://drive.test/${document}`,
    }));

    const incomplete = handle.executeUpdate(submitTaskUpdate, {
      args: [
        { actor: pimpinan, evidence: [{ document: template.evidence.documents[0]!, ref: 'https://drive.test/sk' }] },
      ],
    });
    await expect(incomplete).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(incomplete).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/^Data dukung belum lengkap: /) },
    });

    const teamless = handle.executeUpdate(submitTaskUpdate, { args: [{ actor: pimpinan, evidence: allEvidence }] });
    await expect(teamless).rejects.toMatchObject({
      cause: { message: 'Susunan tim belum valid: susunan Tim Kerja belum diisi' },
    });

    const byAdmin = handle.executeUpdate(claimTaskUpdate, { args: [{ actor: admin }] });
    await expect(byAdmin).rejects.toMatchObject({ cause: { message: 'Tugas sudah diambil oleh orang lain' } });

    expect(await handle.query(taskStateQuery)).toMatchObject({ status: 'claimed', history: [{ type: 'claim' }] });
    expect(await stack().models.AuditEvent.countDocuments({ entityId: taskId })).toBe(1);
    await handle.terminate('test finished');
  });
});
