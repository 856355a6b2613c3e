import request from 'supertest';
import { defaultCatalogue, findTemplate } from '../../domain/catalogue';
import { participantOf } from '../../domain/people';
import { stageCodes } from '../../domain/stages';
import {
  claimTaskUpdate,
  cycleStateQuery,
  cycleWorkflowId,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskWorkflowId,
} from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { messagesTo, type MailSummary } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { adminToken, bearer, launchRequest } from '../support/auth';

const stack = useTestStack();

/**
 * Real seconds per day of the compressed clock: the first reminder falls about this long after the launch, so a
 * loaded machine that takes longer than that to start the tasks would find it already past (and skip it).
 */
const secondsPerDay = 3;

/**
 * One day per `secondsPerDay` real seconds from Monday 2 March 2026 07:00 WIB. Persiapan runs Monday 2 to Friday 6 March; every later
 * stage opens in June. Nobody works, so the cycle's deadlines pass: for "Rencana kerja awal" (due Friday 6 March
 * 16:00) the unit head is reminded on Tuesday 3, Thursday 5 and Friday 6 at 08:00; escalation 1 (Monday 9) would go
 * to the ketua tim, who does not exist before the team is formed, so it goes to the pimpinan, as does escalation 2
 * (Wednesday 11); escalation 3 (Friday 13) goes to Bagian Organisasi. The stage closes on Friday 6 at 16:00 with
 * the unit late. DPMPTSP's head chose the daily digest: their reminders arrive as one morning email, not singly.
 */
const timeline = Object.fromEntries(
  stageCodes.map((stage) => [
    stage,
    stage === 'persiapan' ? { opens: '2026-03-02', due: '2026-03-06' } : { opens: '2026-06-01', due: '2026-12-30' },
  ]),
);

const template = findTemplate(defaultCatalogue, 'rencana_kerja_awal')!;

describe('cycle deadlines on the working-day calendar: reminders, escalations, stage close, digest', () => {
  it(
    'reaches the right people in the right order, flags the late unit, and stops after approval and cancellation',
    async () => {
      const base = pinnedLaunchBody(86_400 / secondsPerDay);
      const [disdukcapil, dpmptsp] = base.units;
      const body = {
        ...base,
        timeline,
        catalogue: { drop: ['profil_unit_kerja', 'sosialisasi_zi'] },
        digestRecipients: [dpmptsp!.head.email],
      };
      const admin = await adminToken(stack(), body.launchedBy);
      const launched = await request(stack().app)
        .post('/api/v1/cycles')
        .auth(admin, bearer)
        .send(launchRequest(body))
        .expect(202);
      const id: string = launched.body.id;
      const head = disdukcapil!.head.email;
      const launcher = body.launchedBy.email;
      const title = `${template.title} (${disdukcapil!.code})`;

      const aboutTask = async () => {
        const sent = [...(await messagesTo(head)), ...(await messagesTo(launcher))];
        return chronological(sent.filter((m) => m.Subject.includes(title)));
      };
      const mail = await eventually(async () => ((await aboutTask()).length >= 7 ? aboutTask() : undefined), {
        timeoutMs: 40_000 * secondsPerDay,
        what: 'three reminders and three escalations of Rencana kerja awal',
      });
      expect(mail.map((m) => [recipient(m, head, launcher), m.Subject])).toEqual([
        ['kepala', `Tugas baru: ${title}`],
        ['kepala', `Pengingat: tenggat 3 hari kerja lagi: ${title}`],
        ['kepala', `Pengingat: tenggat 1 hari kerja lagi: ${title}`],
        ['kepala', `Tenggat hari ini: ${title}`],
        ['kepala', `Eskalasi tingkat 1: ${title} terlambat 1 hari kerja`],
        ['kepala', `Eskalasi tingkat 2: ${title} terlambat 3 hari kerja`],
        ['organisasi', `Eskalasi tingkat 3: ${title} terlambat 5 hari kerja`],
      ]);

      // The stage closed with both units in it: flagged late in the cycle, in each unit, and told.
      const state = await stack().client.workflow.getHandle(cycleWorkflowId(id)).query(cycleStateQuery);
      expect(state.stages.persiapan).toMatchObject({ status: 'closed', lateUnits: ['DISDUKCAPIL', 'DPMPTSP'] });
      const progress = await stack().models.UnitProgress.findById(`${id}:DISDUKCAPIL`).lean();
      expect(progress?.lateStages).toEqual(['persiapan']);
      expect((await messagesTo(launcher)).map((m) => m.Subject)).toContain(
        `Tahap Persiapan ditutup: 2 unit kerja terlambat (${body.name})`,
      );
      expect((await messagesTo(head)).map((m) => m.Subject)).toContain(
        'Terlambat: tahap Persiapan belum selesai di Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)',
      );
      const task = await stack()
        .models.Task.findById(taskWorkflowId(id, 'DISDUKCAPIL', template.key))
        .lean();
      expect(task).toMatchObject({ overdue: true, escalationLevel: 3 });

      // The digest: DPMPTSP's head got morning digests and no single reminder, but escalations still come at once.
      const digestMail = await messagesTo(dpmptsp!.head.email);
      expect(
        digestMail.filter((m) => m.Subject.startsWith('Pengingat') || m.Subject.startsWith('Tenggat hari ini')),
      ).toEqual([]);
      const digests = digestMail.filter((m) => m.Subject.startsWith('Ringkasan harian'));
      expect(digests.length).toBeGreaterThan(0);
      expect(new Set(digests.map((m) => m.Subject)).size).toBe(digests.length);
      expect(digestMail.some((m) => m.Subject.startsWith('Eskalasi tingkat 1'))).toBe(true);
      const queued = await stack().models.DigestItem.countDocuments({ cycleId: id });
      expect(queued).toBeGreaterThanOrEqual(4);

      // Approval ends the task's timers: nothing more about it.
      const kepala = participantOf(disdukcapil!.head, 'pimpinan');
      const organisasi = participantOf(body.launchedBy, 'admin_organisasi');
      const handle = stack().client.workflow.getHandle(taskWorkflowId(id, 'DISDUKCAPIL', template.key));
      const evidence = template.evidence.documents.map((document) => ({
        document,
        ref: `https://drive.test/${document}`,
      }));
      await handle.executeUpdate(claimTaskUpdate, { args: [{ actor: kepala }] });
      await handle.executeUpdate(submitTaskUpdate, { args: [{ actor: kepala, evidence }] });
      await handle.executeUpdate(reviewTaskUpdate, { args: [{ actor: organisasi, decision: 'approve' }] });
      expect(await handle.result()).toMatchObject({ status: 'approved' });
      const deadlineMail = async () =>
        (await aboutTask()).filter((m) => /^(Pengingat|Tenggat|Eskalasi)/.test(m.Subject)).length;
      const afterApproval = await deadlineMail();
      await new Promise((resolve) => setTimeout(resolve, 4_000 * secondsPerDay)); // four days of the compressed clock
      expect(await deadlineMail()).toBe(afterApproval);

      // Cancellation ends every timer of the cycle: nothing more to anyone.
      await request(stack().app)
        .post(`/api/v1/cycles/${id}/cancel`)
        .auth(admin, bearer)
        .send({ reason: 'Uji selesai' })
        .expect(200);
      await stack().client.workflow.getHandle(cycleWorkflowId(id)).result();
      const everyone = [head, launcher, dpmptsp!.head.email];
      const count = async () => (await Promise.all(everyone.map(messagesTo))).flat().length;
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // the cancellation emails themselves
      const afterCancel = await count();
      await new Promise((resolve) => setTimeout(resolve, 4_000 * secondsPerDay));
      expect(await count()).toBe(afterCancel);
    },
    120_000 * secondsPerDay,
  );
});

function chronological(messages: MailSummary[]): MailSummary[] {
  const created = (m: MailSummary) => (m as MailSummary & { Created: string }).Created;
  return [...messages].sort((a, b) => created(a).localeCompare(created(b)));
}

function recipient(message: MailSummary, head: string, launcher: string): string {
  const to = message.To.map((t) => t.Address.toLowerCase());
  if (to.includes(head.toLowerCase())) return 'kepala';
  if (to.includes(launcher.toLowerCase())) return 'organisasi';
  return to.join(',');
}
