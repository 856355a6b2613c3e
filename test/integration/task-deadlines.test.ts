import { randomUUID } from 'node:crypto';
import { defaultCatalogue, findTemplate } from '../../domain/catalogue';
import {
  cancelTaskUpdate,
  claimTaskUpdate,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskWorkflowId,
  taskWorkflowType,
  type TaskPerson,
  type TaskView,
  type TaskWorkflowInput,
} from '../../workflows/definitions';
import { person } from '../fixtures/people';
import { teamFor } from '../fixtures/team';
import { messagesTo, type MailSummary } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();

/**
 * A compressed clock (one day per real second) from Monday 2 March 2026 07:00 WIB, with the task due on
 * Wednesday 4 March 16:00 WIB. Under the default policy, from that Monday on:
 * Tue 08:00 reminder (-1), Wed 08:00 reminder (due day), Thu 5 escalation 1 → ketua tim,
 * Mon 9 escalation 2 → pimpinan, Wed 11 escalation 3 → Bagian Organisasi. (The -3 reminder fell before the start.)
 */
async function startSlippingTask() {
  const template = findTemplate(defaultCatalogue, 'sk_tim_kerja') ?? findTemplate(defaultCatalogue, 'submit_tim_kerja');
  if (!template) throw new Error('the default catalogue lost its team task');
  const cycleId = `2026-${randomUUID().slice(0, 8)}`;
  const people = {
    worker: person('pelaksana', template.assigneeRole),
    reviewer: person('pereviu', template.reviewerRole),
    ketua: person('ketua', 'ketua_tim'),
    pimpinan: person('kepala', 'pimpinan'),
    organisasi: person('organisasi', 'admin_organisasi'),
  };
  const input: TaskWorkflowInput = {
    cycleId,
    unit: { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP' },
    template,
    due: '2026-03-04T09:00:00.000Z',
    assignees: [people.worker],
    reviewers: [people.reviewer],
    escalationContacts: {
      ketua_tim: [people.ketua],
      pimpinan: [people.pimpinan],
      admin_organisasi: [people.organisasi],
    },
    schedule: { zone: 'WIB', clock: { origin: '2026-03-02T00:00:00.000Z', speedup: 86_400 } },
  };
  const handle = await stack().client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(
    taskWorkflowType,
    {
      workflowId: taskWorkflowId(cycleId, input.unit.code, template.key),
      taskQueue: stack().config.temporal.taskQueue,
      args: [input],
    },
  );
  return { handle, template, people };
}

async function deadlineMail(people: TaskPerson[]): Promise<{ to: string; subject: string; created: string }[]> {
  const all: { to: string; subject: string; created: string }[] = [];
  for (const p of people) {
    const messages: MailSummary[] = await messagesTo(p.email);
    for (const m of messages) {
      if (/^(Pengingat|Tenggat|Eskalasi)/.test(m.Subject)) {
        all.push({ to: p.personId, subject: m.Subject, created: (m as MailSummary & { Created: string }).Created });
      }
    }
  }
  return all.sort((a, b) => a.created.localeCompare(b.created));
}

describe('task deadlines: reminders and escalations on the working-day calendar', () => {
  it('reminds the worker, escalates to ketua tim, pimpinan and Bagian Organisasi in order, and stops once approved', async () => {
    const { handle, template, people } = await startSlippingTask();
    const everyone = Object.values(people);
    await handle.executeUpdate(claimTaskUpdate, { args: [{ actor: people.worker }] });

    const mail = await eventually(
      async () => {
        const sent = await deadlineMail(everyone);
        return sent.length >= 5 ? sent : undefined;
      },
      { timeoutMs: 30_000, what: 'two reminders and three escalations' },
    );
    const title = `${template.title} (DPMPTSP)`;
    expect(mail.map(({ to, subject }) => [to, subject])).toEqual([
      ['pelaksana', `Pengingat: tenggat 1 hari kerja lagi: ${title}`],
      ['pelaksana', `Tenggat hari ini: ${title}`],
      ['ketua', `Eskalasi tingkat 1: ${title} terlambat 1 hari kerja`],
      ['kepala', `Eskalasi tingkat 2: ${title} terlambat 3 hari kerja`],
      ['organisasi', `Eskalasi tingkat 3: ${title} terlambat 5 hari kerja`],
    ]);
    const slipping = await stack().models.Task.findById(handle.workflowId).lean();
    expect(slipping).toMatchObject({ escalationLevel: 3, overdue: true, status: 'claimed' });

    const evidence = template.evidence.documents.map((document) => ({
      document,
      ref: `https://drive.test/${document}`,
    }));
    await handle.executeUpdate(submitTaskUpdate, {
      args: [{ actor: people.worker, evidence, team: teamFor('DPMPTSP').submission }],
    });
    await handle.executeUpdate(reviewTaskUpdate, { args: [{ actor: people.reviewer, decision: 'approve' }] });

    // Approval ends the workflow, and with it every timer: nothing more can be sent.
    expect(await handle.result()).toMatchObject({ status: 'approved', escalationLevel: 3 });
    const sentByThen = (await deadlineMail(everyone)).length;
    expect(sentByThen).toBe(5);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });

  it('sends nothing more after the task is cancelled', async () => {
    const { handle, people } = await startSlippingTask();
    await eventually(async () => ((await deadlineMail([people.worker])).length >= 1 ? true : undefined), {
      timeoutMs: 15_000,
      what: 'the first reminder',
    });
    await handle.executeUpdate(cancelTaskUpdate, {
      args: [{ actor: people.organisasi, reason: 'Unit ditarik dari siklus' }],
    });
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    const sent = await deadlineMail(Object.values(people));
    // The cancellation came within the first compressed day after the reminder: at most the due-day one followed.
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(sent.every((m) => m.to === 'pelaksana')).toBe(true);
  });
});
