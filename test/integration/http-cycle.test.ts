import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { ensureFirstAdmin } from '../../api/auth/first-admin';
import { areaCodes } from '../../domain/areas';
import { defaultCatalogue, findTemplate } from '../../domain/catalogue';
import { personIdOf } from '../../domain/people';
import { openTimeline } from '../fixtures/lifecycle';
import { messagesTo, readMessage, type MailSummary } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { binaryBody } from '../support/binary-body';

/**
 * Issue 4's acceptance test: one unit's cycle driven only through HTTP by the people the system itself brought in.
 * The first admin is bootstrapped (as `npm run admin` would); everyone else arrives by the invitation emails the
 * system sends, signs in with a password, and acts on their own inbox. MongoDB and the mailbox are only read.
 *
 * The cycle runs on a clock pinned to Monday 2 March 2026 07:00 WIB, twelve hours per real second (a working day
 * in about two seconds). Its catalogue keeps one task per stage: Pencanangan ZI (pimpinan, reviewed by Bagian
 * Organisasi) is due one working day after persiapan opens, Tuesday 3 March, so its first escalation comes on
 * Wednesday 4 March 08:00, about four seconds after launch; it goes to the ketua tim, whom the unit does not have
 * yet, so to the pimpinan. Every stage is open from launch day to the end of the year, so nothing else falls due.
 */
const stack = useTestStack();

const api = () => request(stack().app);
const bearer = { type: 'bearer' } as const;
const run = randomUUID().slice(0, 8);
const password = `kata-sandi-panjang-${run}`;
const speedup = 12 * 3600;

/** The tasks the cycle keeps: the path of the test, plus the one required task each later stage must have. */
const path = { persiapan: 'pencanangan_zi', team: 'submit_tim_kerja', pelaksanaan: 'agen_perubahan' } as const;
const kept = new Set<string>([
  ...Object.values(path),
  'laporan_kemajuan_bulanan',
  'penilaian_mandiri_lke',
  'pencatatan_predikat',
]);
const catalogue = {
  drop: defaultCatalogue.templates.map((t) => t.key).filter((key) => !kept.has(key)),
  change: [
    { key: path.persiapan, due: { kind: 'after_stage_opens' as const, workingDays: 1 } },
    // Its default due date (30 working days in) would come within the test; the end of the stage will not.
    { key: path.pelaksanaan, due: { kind: 'at_stage_due' as const } },
  ],
};
const template = (key: string) => findTemplate(defaultCatalogue, key)!;

interface Person {
  name: string;
  email: string;
  id: string;
  token: string;
}
interface TaskEventBody {
  type: string;
  by: string;
  from: string;
  to: string;
  note?: string;
}
interface TaskBody {
  id: string;
  templateKey: string;
  status: string;
  assignees: string[];
  claimedBy?: string;
  escalationLevel: number;
  overdue: boolean;
  evidence: { document: string; ref: string }[];
  history: TaskEventBody[];
  files: { fileId: string; name: string; size: number }[];
  teamGrants?: { personId: string; role: string; granted: boolean; invited?: boolean }[];
}

const someone = (label: string, unit: string) => ({
  name: `${label} ${unit}`,
  email: `${label.toLowerCase().replace(/\s+/g, '-')}-${unit.toLowerCase()}@pemkot.test`,
});

async function signIn(email: string): Promise<string> {
  const response = await api().post('/api/v1/auth/sign-in').send({ email, password }).expect(200);
  return response.body.accessToken as string;
}

/** The newest email to `to` whose subject starts with `subject`, once it has arrived. */
const mailTo = (to: string, subject: string, timeoutMs = 30_000): Promise<MailSummary> =>
  eventually(async () => (await messagesTo(to)).find((m) => m.Subject.startsWith(subject)), {
    timeoutMs,
    what: `an email "${subject}…" to ${to}`,
  });

async function linkToken(message: MailSummary, linkPath: string): Promise<string> {
  const { Text } = await readMessage(message.ID);
  const token = new RegExp(`${linkPath}\\?token=([A-Za-z0-9_-]+)`).exec(Text)?.[1];
  if (!token) throw new Error(`no ${linkPath} link in "${message.Subject}"`);
  return token;
}

/**
 * A person the system invited: reads the invitation email, sets a password through the link's token, then signs in
 * with that password the ordinary way.
 */
async function arrives(person: { name: string; email: string }): Promise<Person> {
  const invitation = await mailTo(person.email, 'Undangan ZI Orchestrator');
  const token = await linkToken(invitation, '/undangan');
  const accepted = await api().post('/api/v1/auth/invitations/accept').send({ token, password }).expect(200);
  expect(accepted.body.me.person.id).toBe(personIdOf(person.email));
  // The link is single-use.
  await api().post('/api/v1/auth/invitations/accept').send({ token, password }).expect(410);
  return { ...person, id: personIdOf(person.email), token: await signIn(person.email) };
}

const taskUrl = (id: string, rest = '') => `/api/v1/tasks/${encodeURIComponent(id)}${rest}`;

async function getTask(who: Person, id: string): Promise<TaskBody> {
  return (await api().get(taskUrl(id)).auth(who.token, bearer).expect(200)).body as TaskBody;
}

/** The task of this template in the person's own inbox (`scope=mine`), once it is there. */
const inInbox = (who: Person, cycleId: string, key: string, status?: string) =>
  eventually(
    async () => {
      const response = await api()
        .get('/api/v1/tasks')
        .query({ scope: 'mine', cycle: cycleId, ...(status ? { status } : {}) })
        .auth(who.token, bearer)
        .expect(200);
      return (response.body.items as TaskBody[]).find((item) => item.templateKey === key);
    },
    { timeoutMs: 30_000, what: `${key} in ${who.email}'s inbox` },
  );

/** A small PDF with random content, so a download can be compared byte for byte. */
const pdf = (label: string) =>
  Buffer.concat([Buffer.from(`%PDF-1.4\n% ${label}\n`), randomBytes(2048), Buffer.from('\n%%EOF\n')]);

async function upload(who: Person, taskId: string, document: string, content: Buffer, name: string) {
  const response = await api()
    .post(taskUrl(taskId, '/files'))
    .auth(who.token, bearer)
    .field('document', document)
    .attach('file', content, { filename: name, contentType: 'application/pdf' })
    .expect(201);
  expect(response.body).toMatchObject({ name, size: content.length, ref: `file:${response.body.fileId}` });
  return response.body as { fileId: string; ref: string };
}

/** Evidence for every required document: the uploaded file for the first, https links for the rest. */
const evidenceFor = (key: string, fileRef: string) =>
  template(key).evidence.documents.map((document, index) => ({
    document,
    ref: index === 0 ? fileRef : `https://drive.pemkot.test/${run}/${encodeURIComponent(document)}`,
  }));

async function act(who: Person, taskId: string, action: string, body: object = {}): Promise<TaskBody> {
  const response = await api()
    .post(taskUrl(taskId, `/${action}`))
    .auth(who.token, bearer)
    .send(body);
  if (response.status !== 200) {
    throw new Error(`${action} ${taskId} by ${who.email}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as TaskBody;
}

const steps = (task: TaskBody) => task.history.map((e) => [e.type, e.by, e.to]);

describe('a cycle driven only through HTTP by the people it brings in', () => {
  it('launches, escalates, forms the team, works a task through a revision round, and keeps units apart', async () => {
    // 1. The first admin, bootstrapped as the CLI does, signs in.
    const adminPerson = { name: 'Bagian Organisasi', email: `organisasi-${run}@pemkot.test` };
    await ensureFirstAdmin({ models: stack().models }, { ...adminPerson, password });
    const admin: Person = { ...adminPerson, id: personIdOf(adminPerson.email), token: await signIn(adminPerson.email) };
    const me = await api().get('/api/v1/auth/me').auth(admin.token, bearer).expect(200);
    expect(me.body.instansiRoles).toEqual(['admin_organisasi']);

    // 2. The admin launches one unit on the compressed clock, and another cycle whose unit is none of ours.
    const unitCode = `ALUR-${run.toUpperCase()}`;
    const head = someone('Kepala', unitCode);
    const launched = await api()
      .post('/api/v1/cycles')
      .auth(admin.token, bearer)
      .send({
        name: `Siklus uji alur HTTP ${run}`,
        year: 2026,
        units: [{ code: unitCode, name: `Dinas Uji Alur ${run}`, head }],
        timeline: openTimeline,
        catalogue,
        clock: { origin: '2026-03-02T00:00:00.000Z', speedup },
      })
      .expect(202);
    const cycleId = launched.body.id as string;
    const otherUnit = `LAIN-${run.toUpperCase()}`;
    const other = await api()
      .post('/api/v1/cycles')
      .auth(admin.token, bearer)
      .send({
        name: `Siklus lain ${run}`,
        year: 2026,
        units: [{ code: otherUnit, name: `Dinas Lain ${run}`, head: someone('Kepala', otherUnit) }],
        timeline: openTimeline,
        catalogue,
        clock: { origin: '2026-03-02T00:00:00.000Z', speedup: 1 },
      })
      .expect(202);
    const otherCycleId = other.body.id as string;
    const taskId = (key: string) => `tugas:${cycleId}:${unitCode}:${key}`;

    let cancelled: number[] = [];
    try {
      // 3. The unit head arrives by the invitation the launch sent, and finds Pencanangan ZI in their inbox.
      const pimpinan = await arrives(head);
      const headMe = await api().get('/api/v1/auth/me').auth(pimpinan.token, bearer).expect(200);
      expect(headMe.body.unitRoles).toEqual({ [unitCode]: ['pimpinan'] });
      const pencanangan = await inInbox(pimpinan, cycleId, path.persiapan);
      expect(pencanangan).toMatchObject({ id: taskId(path.persiapan), assignees: [pimpinan.id] });
      const persiapanTitle = `${template(path.persiapan).title} (${unitCode})`;
      await mailTo(pimpinan.email, `Tugas baru: ${persiapanTitle}`);

      // Nobody acts: the due date passes and the escalation reaches the pimpinan (no ketua tim yet).
      await mailTo(pimpinan.email, `Eskalasi tingkat 1: ${persiapanTitle}`, 60_000);
      const slipped = await getTask(pimpinan, pencanangan.id);
      expect(slipped).toMatchObject({ status: 'open', overdue: true });
      expect(slipped.escalationLevel).toBeGreaterThanOrEqual(1);

      // The pimpinan claims, uploads the minutes and submits; Bagian Organisasi approves.
      await act(pimpinan, pencanangan.id, 'claim');
      const beritaAcara = await upload(
        pimpinan,
        pencanangan.id,
        template(path.persiapan).evidence.documents[0]!,
        pdf('berita acara'),
        'berita-acara-pencanangan.pdf',
      );
      await act(pimpinan, pencanangan.id, 'submit', {
        evidence: evidenceFor(path.persiapan, beritaAcara.ref),
        note: 'Pencanangan sudah dilaksanakan',
      });
      await mailTo(admin.email, `Menunggu reviu: ${persiapanTitle}`);
      await inInbox(admin, cycleId, path.persiapan, 'submitted');
      const approvedPencanangan = await act(admin, pencanangan.id, 'review', { decision: 'approve' });
      expect(approvedPencanangan.status).toBe('approved');
      expect(steps(approvedPencanangan)).toEqual([
        ['claim', pimpinan.id, 'claimed'],
        ['submit', pimpinan.id, 'submitted'],
        ['review', admin.id, 'approved'],
      ]);
      await mailTo(pimpinan.email, `Disetujui: ${persiapanTitle}`);

      // 4. Pembentukan tim: the pimpinan submits the Tim Kerja; its approval brings the members in.
      const ketuaPerson = someone('Ketua Tim', unitCode);
      const anggotaPerson = someone('Anggota Tim', unitCode);
      const teamTask = await inInbox(pimpinan, cycleId, path.team);
      await act(pimpinan, teamTask.id, 'claim');
      const sk = await upload(pimpinan, teamTask.id, 'SK Tim Kerja ZI', pdf('SK tim'), 'sk-tim-kerja.pdf');
      await act(pimpinan, teamTask.id, 'submit', {
        evidence: evidenceFor(path.team, sk.ref),
        team: {
          members: [
            { ...ketuaPerson, role: 'ketua_tim' },
            { ...anggotaPerson, role: 'anggota_tim' },
          ],
          // One anggota leads every area's pokja, so the pelaksanaan task is theirs.
          coordinators: Object.fromEntries(areaCodes.map((area) => [area, anggotaPerson.email])),
        },
      });
      const approvedTeam = await act(admin, teamTask.id, 'review', { decision: 'approve', note: 'SK sesuai' });
      expect(approvedTeam.status).toBe('approved');
      expect(approvedTeam.teamGrants).toEqual([
        { personId: personIdOf(ketuaPerson.email), role: 'ketua_tim', granted: true, invited: true },
        { personId: personIdOf(anggotaPerson.email), role: 'anggota_tim', granted: true, invited: true },
      ]);
      const ketua = await arrives(ketuaPerson);
      const anggota = await arrives(anggotaPerson);
      const anggotaMe = await api().get('/api/v1/auth/me').auth(anggota.token, bearer).expect(200);
      expect(anggotaMe.body.unitRoles).toEqual({ [unitCode]: ['anggota_tim'] });
      for (const member of [ketua, anggota, pimpinan]) {
        await mailTo(member.email, 'Tim Kerja Zona Integritas');
      }

      // 5. Pelaksanaan: the anggota works the task; the ketua asks for a revision, then approves.
      const agenTitle = `${template(path.pelaksanaan).title} (${unitCode})`;
      const agen = await inInbox(anggota, cycleId, path.pelaksanaan);
      expect(agen.assignees).toEqual([anggota.id]);
      await mailTo(anggota.email, `Tugas baru: ${agenTitle}`);
      await act(anggota, agen.id, 'claim');
      const firstDocument = template(path.pelaksanaan).evidence.documents[0]!;
      const draft = await upload(anggota, agen.id, firstDocument, pdf('draf'), 'sk-agen-perubahan-draf.pdf');
      await act(anggota, agen.id, 'submit', { evidence: evidenceFor(path.pelaksanaan, draft.ref) });

      // The ketua opens the task from the review email's single-use sign-in link.
      const reviewMail = await mailTo(ketua.email, `Menunggu reviu: ${agenTitle}`);
      const link = await linkToken(reviewMail, '/masuk/tautan');
      const byLink = await api().post('/api/v1/auth/sign-in/link').send({ token: link }).expect(200);
      expect(byLink.body).toMatchObject({ taskId: agen.id, me: { person: { id: ketua.id } } });
      const ketuaByLink: Person = { ...ketua, token: byLink.body.accessToken as string };
      await api().post('/api/v1/auth/sign-in/link').send({ token: link }).expect(410);
      await inInbox(ketuaByLink, cycleId, path.pelaksanaan, 'submitted');
      const revisionNote = 'SK belum ditandatangani kepala dinas; unggah versi bertanda tangan';
      const asked = await act(ketuaByLink, agen.id, 'review', { decision: 'request_revision', note: revisionNote });
      expect(asked.status).toBe('revision_requested');

      await mailTo(anggota.email, `Perlu perbaikan: ${agenTitle}`);
      expect((await inInbox(anggota, cycleId, path.pelaksanaan, 'revision_requested')).id).toBe(agen.id);
      const signedContent = pdf('bertanda tangan');
      const signed = await upload(anggota, agen.id, firstDocument, signedContent, 'sk-agen-perubahan.pdf');
      await act(anggota, agen.id, 'submit', {
        evidence: evidenceFor(path.pelaksanaan, signed.ref),
        note: 'Sudah ditandatangani',
      });
      const approvedAgen = await act(ketua, agen.id, 'review', { decision: 'approve' });
      expect(approvedAgen.status).toBe('approved');
      await mailTo(anggota.email, `Disetujui: ${agenTitle}`);

      // The history names who did what, round by round; the evidence is the signed file.
      const finalAgen = await getTask(anggota, agen.id);
      expect(steps(finalAgen)).toEqual([
        ['claim', anggota.id, 'claimed'],
        ['submit', anggota.id, 'submitted'],
        ['review', ketua.id, 'revision_requested'],
        ['submit', anggota.id, 'submitted'],
        ['review', ketua.id, 'approved'],
      ]);
      expect(finalAgen.history[2]!.note).toBe(revisionNote);
      expect(finalAgen.evidence[0]).toEqual({ document: firstDocument, ref: signed.ref });
      expect(finalAgen.files.map((f) => f.fileId).sort()).toEqual([draft.fileId, signed.fileId].sort());
      const downloaded = await api()
        .get(taskUrl(agen.id, `/files/${signed.fileId}`))
        .auth(ketua.token, bearer)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(downloaded.headers['content-type']).toMatch(/^application\/pdf/);
      expect(Buffer.compare(downloaded.body as Buffer, signedContent)).toBe(0);

      // 6. Progress, audit trail and the emails each person received.
      const progress = await eventually(
        async () => {
          const cycle = await api().get(`/api/v1/cycles/${cycleId}`).auth(anggota.token, bearer).expect(200);
          const byStage = cycle.body.progress.byUnit[unitCode].byStage;
          const approved = ['persiapan', 'pembentukan_tim', 'pelaksanaan'].map((s) => byStage[s]?.byStatus.approved);
          return approved.every((count) => count === 1) ? cycle.body.progress : undefined;
        },
        { what: 'three approved tasks in the cycle progress' },
      );
      expect(progress.byStage.persiapan).toMatchObject({ total: 1, completion: 1 });
      expect(progress.byStage.persiapan.maxEscalationLevel).toBeGreaterThanOrEqual(1);

      const audit = await api().get('/api/v1/audit').query({ task: agen.id }).auth(ketua.token, bearer).expect(200);
      const auditSteps = (audit.body.items as { type: string; by: string }[]).map((e) => `${e.type}:${e.by}`);
      expect(auditSteps).toEqual(
        expect.arrayContaining([
          `claim:${anggota.id}`,
          `evidence_uploaded:${anggota.id}`,
          `submit:${anggota.id}`,
          `review:${ketua.id}`,
        ]),
      );
      expect(auditSteps.filter((s) => s === `evidence_uploaded:${anggota.id}`)).toHaveLength(2);
      expect(auditSteps.filter((s) => s === `review:${ketua.id}`)).toHaveLength(2);
      const teamAudit = await api()
        .get('/api/v1/audit')
        .query({ task: teamTask.id })
        .auth(admin.token, bearer)
        .expect(200);
      expect((teamAudit.body.items as { type: string; by: string }[]).map((e) => `${e.type}:${e.by}`)).toEqual(
        expect.arrayContaining([`submit:${pimpinan.id}`, `review:${admin.id}`]),
      );

      const subjects = async (who: Person) => (await messagesTo(who.email)).map((m) => m.Subject);
      expect(await subjects(anggota)).toEqual(
        expect.arrayContaining([
          'Undangan ZI Orchestrator: atur kata sandi Anda',
          `Tugas baru: ${agenTitle}`,
          `Perlu perbaikan: ${agenTitle}`,
          `Disetujui: ${agenTitle}`,
        ]),
      );
      expect((await subjects(ketua)).filter((s) => s === `Menunggu reviu: ${agenTitle}`)).toHaveLength(2);

      // 7. Units stay apart: the anggota sees neither the other cycle nor its unit's task.
      const otherTask = `tugas:${otherCycleId}:${otherUnit}:${path.persiapan}`;
      await eventually(
        async () => ((await api().get(taskUrl(otherTask)).auth(admin.token, bearer)).status === 200 ? true : undefined),
        { what: 'the other cycle’s first task' },
      );
      await api().get(`/api/v1/cycles/${otherCycleId}`).auth(anggota.token, bearer).expect(404);
      await api().get(taskUrl(otherTask)).auth(anggota.token, bearer).expect(404);
      await api().post(taskUrl(otherTask, '/claim')).auth(anggota.token, bearer).expect(404);
      await api().get('/api/v1/tasks').query({ unit: otherUnit }).auth(anggota.token, bearer).expect(404);
      const listed = await api().get('/api/v1/cycles').auth(anggota.token, bearer).expect(200);
      expect((listed.body.items as { id: string }[]).map((c) => c.id)).toEqual([cycleId]);

      const people = { admin, pimpinan, ketua, anggota };
      const mail = await Promise.all(
        Object.entries(people).map(async ([role, p]) => [role, await subjects(p)] as const),
      );
      console.log(
        [
          `Cycle ${cycleId}, unit ${unitCode}: ${Object.values(path).join(', ')} approved`,
          ...mail.map(([role, list]) => `${role} ${people[role as keyof typeof people].email}: ${list.length} emails`),
          ...mail.flatMap(([role, list]) => [...list].reverse().map((s) => `  ${role} ← ${s}`)),
        ].join('\n'),
      );
    } finally {
      // Cancelling stops the cycles' timers (reminders, escalations, monev periods); checked below, so a failure
      // above is reported as itself.
      cancelled = await Promise.all(
        [cycleId, otherCycleId].map(
          async (id) =>
            (
              await api()
                .post(`/api/v1/cycles/${id}/cancel`)
                .auth(admin.token, bearer)
                .send({ reason: 'Uji alur selesai' })
            ).status,
        ),
      );
    }
    expect(cancelled).toEqual([200, 200]);
    await eventually(
      async () => {
        const cycle = await api().get(`/api/v1/cycles/${cycleId}`).auth(admin.token, bearer).expect(200);
        return cycle.body.status === 'cancelled' ? true : undefined;
      },
      { what: 'the cycle cancelled' },
    );
  }, 150_000);
});
