import { defaultLkeTemplate } from '../../../domain/lke';
import { awardDay, awardedAssessment, awardedUnit, awardProbe, revocationProbe } from './award-targets';
import { assessmentRows } from './assessment-rows';
import { adminOnly, outcomes, type CellId, type Outcome } from './cells';
import {
  awayRange,
  cycleLaunchBody,
  cycleProbe,
  failedNotification,
  invitedPerson,
  launchCycle,
  launchProbe,
  notificationProbe,
  personProbe,
  registeredUnit,
  startTask,
  substitution,
  substitutionProbe,
  absentPerson,
  taskProbe,
  unitProbe,
} from './targets';
import type { Actor, World } from './world';

/** One request: JSON body, or a multipart form with one file. */
export interface Call {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
  form?: { fields: Record<string, string>; file: { name: string; content: Buffer; contentType: string } };
}

/**
 * One row of the matrix: an operation of the OpenAPI document (`POST /api/v1/tasks/{id}/claim`), how to make a fresh
 * target for it in unit A, the request, what each cell expects, and how to read the target's state.
 */
export interface Row<T = unknown> {
  operation: string;
  /** Tells two rows of one operation apart. */
  variant?: string;
  setup(world: World): Promise<T>;
  call(target: T, actor: Actor, world: World): Call;
  expect: Record<CellId, Outcome>;
  /**
   * Where the API lets a call through but the workflow's own rule refuses it (422): why, and the workflow's message
   * (also checked on bulk results refused by the workflow, listed in `cells`).
   */
  workflowRule?: { why: string; detail: RegExp; cells?: CellId[] };
  probe(target: T, actor: Actor, world: World): Promise<unknown>;
  /** An allowed call uses the target up (a claimed task cannot be claimed again): a later allowed cell gets a fresh one. */
  consumes?: boolean;
  /** Allowed calls change nothing (a dry run): the probe must stay the same for them too. */
  readOnly?: boolean;
}

const row = <T>(definition: Row<T>): Row => definition as unknown as Row;

const task = (id: string, rest = '') => `/api/v1/tasks/${encodeURIComponent(id)}${rest}`;
const cycle = (id: string, rest = '') => `/api/v1/cycles/${id}${rest}`;
const person = (id: string, rest = '') => `/api/v1/people/${encodeURIComponent(id)}${rest}`;

/** Each call of a row gets its own value, so allowed calls on one target each change it (a later due date, a name). */
let sequence = 0;
const fresh = () => ++sequence;
/** A due date later than the task's (30 June 2027) and than every earlier call's. */
const laterDue = () => new Date(Date.UTC(2027, 6, 1, 9) + fresh() * 86_400_000).toISOString();

/**
 * The matrix. Unit A holds every target; "own" is a caller whose grant is in unit A, "other" one whose grant is in
 * unit B. Tasks answer 404 to whoever cannot see their unit; instansi-wide actions (cycles, units, people, the email
 * log) answer 403 to anyone but Bagian Organisasi, whatever the unit, since they name no unit to hide.
 */
export function matrixRows(): Row[] {
  return [
    // ---- Units (Bagian Organisasi manages the registry) ----
    row<string>({
      operation: 'POST /api/v1/units',
      setup: async (world) => `MTX-C${world.next('')}-${world.run}`,
      call: (code) => ({ method: 'post', path: '/api/v1/units', body: { code, name: 'Unit baru', zone: 'WIB' } }),
      expect: adminOnly(201),
      probe: (code, _actor, world) => unitProbe(world, code),
      consumes: true,
    }),
    row<string>({
      operation: 'PATCH /api/v1/units/{code}',
      setup: async (world) => world.unitA,
      call: (code) => ({ method: 'patch', path: `/api/v1/units/${code}`, body: { name: `Unit matriks ${fresh()}` } }),
      expect: adminOnly(200),
      probe: (code, _actor, world) => unitProbe(world, code),
    }),

    row<string>({
      operation: 'POST /api/v1/units/{code}/rename',
      // Not unit A: a code changes only while no cycle names the unit, and A's grants hold the matrix together.
      setup: registeredUnit,
      call: (code) => ({ method: 'post', path: `/api/v1/units/${code}/rename`, body: { code: `${code}-BARU` } }),
      expect: adminOnly(200),
      probe: async (code, _actor, world) => ({
        old: await unitProbe(world, code),
        new: await unitProbe(world, `${code}-BARU`),
      }),
      consumes: true,
    }),

    // ---- People (Bagian Organisasi invites and manages) ----
    row<string>({
      operation: 'POST /api/v1/people',
      setup: async (world) => `baru-${world.next('p')}-${world.run}@pemkot.test`,
      call: (email, _actor, world) => ({
        method: 'post',
        path: '/api/v1/people',
        body: { name: 'Orang baru', email, grants: [{ role: 'anggota_tim', unitCode: world.unitA }] },
      }),
      expect: adminOnly(201),
      probe: (email, _actor, world) => personProbe(world, email),
      consumes: true,
    }),
    row<string>({
      operation: 'PATCH /api/v1/people/{id}',
      setup: invitedPerson,
      call: (id) => ({ method: 'patch', path: person(id), body: { name: `Nama baru ${fresh()}` } }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => personProbe(world, id),
    }),
    row<string>({
      operation: 'PUT /api/v1/people/{id}/grants',
      setup: invitedPerson,
      call: (id, _actor, world) => ({
        method: 'put',
        path: person(id, '/grants'),
        body: {
          grants: [
            { role: 'anggota_tim', unitCode: world.unitA },
            { role: 'ketua_tim', unitCode: world.unitA },
          ],
        },
      }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => personProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/people/{id}/deactivate',
      setup: invitedPerson,
      call: (id) => ({ method: 'post', path: person(id, '/deactivate') }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => personProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/people/{id}/reinvite',
      setup: invitedPerson,
      call: (id) => ({ method: 'post', path: person(id, '/reinvite') }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => personProbe(world, id),
    }),

    // ---- Cycles (Bagian Organisasi launches and steers) ----
    row<string>({
      operation: 'POST /api/v1/cycles',
      setup: async (world) => `Siklus matriks peluncuran ${world.next('l')} ${world.run}`,
      call: (name, _actor, world) => ({ method: 'post', path: '/api/v1/cycles', body: cycleLaunchBody(world, name) }),
      expect: adminOnly(202),
      probe: (name, _actor, world) => launchProbe(world, name),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/cycles/preview',
      setup: async (world) => `Siklus matriks pratinjau ${world.next('l')} ${world.run}`,
      call: (name, _actor, world) => ({
        method: 'post',
        path: '/api/v1/cycles/preview',
        body: cycleLaunchBody(world, name),
      }),
      expect: adminOnly(200),
      probe: (name, _actor, world) => launchProbe(world, name),
      readOnly: true,
    }),
    row<string>({
      operation: 'POST /api/v1/cycles/{id}/advance',
      setup: launchCycle,
      call: (id) => ({
        method: 'post',
        path: cycle(id, '/advance'),
        body: { reason: 'Dipercepat', stage: 'pembentukan_tim' },
      }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => cycleProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/cycles/{id}/stages/{stage}/extend',
      setup: launchCycle,
      call: (id) => ({
        method: 'post',
        path: cycle(id, '/stages/persiapan/extend'),
        body: { reason: 'Libur akhir tahun', due: '2027-01-29' },
      }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => cycleProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/cycles/{id}/units',
      setup: launchCycle,
      call: (id, _actor, world) => ({
        method: 'post',
        path: cycle(id, '/units'),
        body: {
          unit: {
            code: world.unitB,
            name: `Unit matriks ${world.unitB}`,
            head: { name: 'Kepala unit B', email: `kepala-b-${world.run}@pemkot.test` },
          },
        },
      }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => cycleProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/cycles/{id}/units/{code}/advance',
      setup: launchCycle,
      call: (id, _actor, world) => ({
        method: 'post',
        path: cycle(id, `/units/${world.unitA}/advance`),
        body: { reason: 'Sudah dikerjakan', stage: 'persiapan' },
      }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => cycleProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/cycles/{id}/units/{code}/withdraw',
      setup: launchCycle,
      call: (id, _actor, world) => ({
        method: 'post',
        path: cycle(id, `/units/${world.unitA}/withdraw`),
        body: { reason: 'Unit direorganisasi' },
      }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => cycleProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/cycles/{id}/cancel',
      setup: launchCycle,
      call: (id) => ({ method: 'post', path: cycle(id, '/cancel'), body: { reason: 'Anggaran dialihkan' } }),
      expect: adminOnly(200),
      probe: (id, _actor, world) => cycleProbe(world, id),
      consumes: true,
    }),

    // ---- Tasks (the API gates by role in the task's unit; the workflow then applies its own rule) ----
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/claim',
      setup: (world) => startTask(world, 'open'),
      call: (id) => ({ method: 'post', path: task(id, '/claim') }),
      expect: outcomes({
        admin_organisasi: 422,
        pengamat: 403,
        own: { pimpinan: 422, ketua_tim: 422, anggota_tim: 200, penilai: 422 },
        other: 404,
      }),
      workflowRule: {
        why: 'only a holder of the assignee role (anggota_tim) may claim an unassigned task',
        detail: /bukan penanggung jawab/,
      },
      probe: (id, _actor, world) => taskProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/submit',
      setup: (world) => startTask(world, 'claimed'),
      call: (id) => ({ method: 'post', path: task(id, '/submit'), body: { evidence: [], note: 'Selesai' } }),
      expect: outcomes({
        admin_organisasi: 422,
        pengamat: 403,
        own: { pimpinan: 422, ketua_tim: 422, anggota_tim: 200, penilai: 422 },
        other: 404,
      }),
      workflowRule: {
        why: 'only whoever claimed the task (anggota_tim of A) may submit it',
        detail: /Hanya penanggung jawab tugas yang dapat mengirim/,
      },
      probe: (id, _actor, world) => taskProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/review',
      setup: (world) => startTask(world, 'submitted'),
      call: (id) => ({
        method: 'post',
        path: task(id, '/review'),
        body: { decision: 'request_revision', note: 'Lengkapi notulen' },
      }),
      expect: outcomes({
        admin_organisasi: 422,
        pengamat: 403,
        own: { pimpinan: 422, ketua_tim: 200, anggota_tim: 422, penilai: 422 },
        other: 404,
      }),
      workflowRule: {
        why: 'only the reviewer role (ketua_tim) may review; Bagian Organisasi is not this task’s reviewer',
        detail: /tidak berwenang mereviu/,
      },
      probe: (id, _actor, world) => taskProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/reassign',
      setup: (world) => startTask(world, 'open'),
      call: (id, _actor, world) => ({
        method: 'post',
        path: task(id, '/reassign'),
        body: { to: { name: world.recipient.name, email: world.recipient.email }, reason: 'Beban kerja' },
      }),
      // Steering is ketua_tim's and Bagian Organisasi's, in the API as in the workflow.
      expect: outcomes({
        admin_organisasi: 200,
        pengamat: 403,
        own: { pimpinan: 403, ketua_tim: 200, anggota_tim: 403, penilai: 403 },
        other: 404,
      }),
      probe: (id, _actor, world) => taskProbe(world, id),
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/bulk-reassign',
      setup: (world) => startTask(world, 'open'),
      call: (id, _actor, world) => ({
        method: 'post',
        path: '/api/v1/tasks/bulk-reassign',
        body: {
          taskIds: [id],
          to: { name: world.recipient.name, email: world.recipient.email },
          reason: 'Beban kerja',
        },
      }),
      // Who may reassign in no unit at all is refused up front (403); a ketua of unit B is answered per task.
      expect: outcomes({
        admin_organisasi: '200:reassigned',
        pengamat: 403,
        own: { pimpinan: 403, ketua_tim: '200:reassigned', anggota_tim: 403, penilai: 403 },
        other: { pimpinan: 403, ketua_tim: '200:not_found', anggota_tim: 403, penilai: 403 },
      }),
      probe: (id, _actor, world) => taskProbe(world, id),
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/extend',
      setup: (world) => startTask(world, 'open'),
      call: (id) => ({ method: 'post', path: task(id, '/extend'), body: { due: laterDue(), reason: 'Menunggu data' } }),
      expect: outcomes({
        admin_organisasi: 200,
        pengamat: 403,
        own: { pimpinan: 403, ketua_tim: 200, anggota_tim: 403, penilai: 403 },
        other: 404,
      }),
      probe: (id, _actor, world) => taskProbe(world, id),
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/cancel',
      setup: (world) => startTask(world, 'open'),
      call: (id) => ({ method: 'post', path: task(id, '/cancel'), body: { reason: 'Tidak relevan' } }),
      expect: outcomes({ admin_organisasi: 200, pengamat: 403, own: 403, other: 404 }),
      probe: (id, _actor, world) => taskProbe(world, id),
      consumes: true,
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/comments',
      setup: (world) => startTask(world, 'open'),
      call: (id) => ({ method: 'post', path: task(id, '/comments'), body: { text: `Komentar ${fresh()}` } }),
      expect: outcomes({ admin_organisasi: 201, pengamat: 403, own: 201, other: 404 }),
      probe: (id, _actor, world) => taskProbe(world, id),
    }),
    row<string>({
      operation: 'POST /api/v1/tasks/{id}/files',
      setup: (world) => startTask(world, 'open'),
      call: (id) => ({
        method: 'post',
        path: task(id, '/files'),
        form: {
          fields: { document: 'Notulen rapat' },
          file: { name: 'notulen.txt', content: Buffer.from(`Notulen ${fresh()}\n`), contentType: 'text/plain' },
        },
      }),
      // Only who could submit the task now: unclaimed and unassigned, a holder of its assignee role (anggota_tim).
      expect: outcomes({
        admin_organisasi: 403,
        pengamat: 403,
        own: { pimpinan: 403, ketua_tim: 403, anggota_tim: 201, penilai: 403 },
        other: 404,
      }),
      probe: (id, _actor, world) => taskProbe(world, id),
    }),

    // ---- Substitutes (for oneself: anyone; for someone else: Bagian Organisasi) ----
    row<{ absent: Actor }>({
      operation: 'POST /api/v1/substitutes',
      variant: 'for someone of unit A',
      setup: async (world) => ({ absent: await absentPerson(world) }),
      call: ({ absent }, _actor, world) => ({
        method: 'post',
        path: '/api/v1/substitutes',
        body: {
          substitute: { name: world.recipient.name, email: world.recipient.email },
          personId: absent.email,
          ...awayRange(),
        },
      }),
      expect: adminOnly(201),
      probe: ({ absent }, _actor, world) => substitutionProbe(world, absent.personId),
      consumes: true,
    }),
    row<null>({
      operation: 'POST /api/v1/substitutes',
      variant: 'for oneself',
      setup: async () => null,
      call: (_none, _actor, world) => ({
        method: 'post',
        path: '/api/v1/substitutes',
        body: { substitute: { name: world.substitute.name, email: world.substitute.email }, ...awayRange() },
      }),
      expect: outcomes({ admin_organisasi: 201, pengamat: 201, own: 201, other: 201 }),
      probe: (_none, actor, world) => substitutionProbe(world, actor.personId),
    }),
    row<{ id: string; personId: string }>({
      operation: 'DELETE /api/v1/substitutes/{id}',
      setup: substitution,
      call: ({ id }) => ({ method: 'delete', path: `/api/v1/substitutes/${id}` }),
      // Anyone but the person away and Bagian Organisasi is told it does not exist.
      expect: outcomes({ admin_organisasi: 204, pengamat: 404, own: 404, other: 404 }),
      probe: ({ personId }, _actor, world) => substitutionProbe(world, personId),
      consumes: true,
    }),

    // ---- The email log ----
    row<string>({
      operation: 'POST /api/v1/notifications/{id}/resend',
      setup: failedNotification,
      call: (id, _actor, world) => ({
        method: 'post',
        path: `/api/v1/notifications/${encodeURIComponent(id)}/resend`,
        body: { to: `kepala-${world.run}@pemkot.test` },
      }),
      expect: adminOnly(202),
      probe: (id, _actor, world) => notificationProbe(world, id),
    }),

    // ---- LKE templates (Bagian Organisasi publishes) and previews (anyone signed in; nothing stored) ----
    row<string>({
      operation: 'POST /api/v1/assessments/templates',
      setup: async (world) => `lke-mtx-${world.run}-${world.next('t')}`,
      call: (id) => ({ method: 'post', path: '/api/v1/assessments/templates', body: { ...defaultLkeTemplate, id } }),
      expect: adminOnly(201),
      probe: async (id, _actor, world) => ({
        published: (await world.stack.models.LkeTemplate.exists({ _id: id })) !== null,
        audit: await world.stack.models.AuditEvent.countDocuments({ entityId: id }),
      }),
      consumes: true,
    }),
    ...(['score', 'workbook'] as const).map((preview) =>
      row<null>({
        operation: `POST /api/v1/assessments/${preview}`,
        setup: async () => null,
        call: () => ({
          method: 'post',
          path: `/api/v1/assessments/${preview}`,
          body: { templateId: defaultLkeTemplate.id, answers: {} },
        }),
        expect: outcomes({ admin_organisasi: 200, pengamat: 200, own: 200, other: 200 }),
        probe: (_none, actor, world) => world.stack.models.AuditEvent.countDocuments({ by: actor.personId }),
        readOnly: true,
      }),
    ),

    // ---- Penghargaan (Bagian Organisasi records and revokes predikat) ----
    row<string>({
      operation: 'POST /api/v1/awards/{cycleId}/{unitCode}/predikat',
      setup: awardedAssessment,
      call: (cycleId, _actor, world) => ({
        method: 'post',
        path: `/api/v1/awards/${cycleId}/${world.unitA}/predikat`,
        body: { predicate: 'WBK', date: awardDay },
      }),
      expect: adminOnly(200),
      probe: (cycleId, _actor, world) => awardProbe(world, cycleId),
    }),
    row<string>({
      operation: 'POST /api/v1/awards/units/{unitCode}/revoke',
      setup: awardedUnit,
      call: (unitCode) => ({
        method: 'post',
        path: `/api/v1/awards/units/${unitCode}/revoke`,
        body: { date: '2026-06-01', reason: 'Pegawai terjaring operasi tangkap tangan' },
      }),
      expect: adminOnly(200),
      probe: (unitCode, _actor, world) => revocationProbe(world, unitCode),
      consumes: true,
    }),

    // ---- Penilaian (the unit answers and submits, TPI reviews, pimpinan approves, Bagian Organisasi records) ----
    ...assessmentRows(),
  ];
}
