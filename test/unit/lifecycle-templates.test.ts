import type { NotificationRequest } from '../../activities/notifications';
import {
  createLifecycleNotifications,
  formatDay,
  formatInstant,
  formatPercent,
  type CycleCancelledInput,
  type MonevLaggingInput,
  type StageClosedInput,
  type StageLateInput,
  type StageOpenedInput,
  type TeamApprovedInput,
  type UnitWithdrawnInput,
} from '../../activities/lifecycle-notifications';
import { createEmailRenderer, type RenderedEmail } from '../../activities/templates';
import type { Participant } from '../../domain/people';

/**
 * Renders every lifecycle template through the real activities and the real nunjucks renderer: `send` only
 * captures the request and renders it, as the notifier would before mailing.
 */
const render = createEmailRenderer();
const publicUrl = 'http://zi.test';

interface Captured extends RenderedEmail {
  request: NotificationRequest;
}

function capturing() {
  const sent: Captured[] = [];
  const notifications = createLifecycleNotifications({
    publicUrl,
    send: async (request) => {
      sent.push({ request, ...render(request.template, request.data) });
      return { status: 'sent', messageId: `<${sent.length}@test>` };
    },
  });
  return { sent, notifications };
}

const participant = (personId: string, name: string, roles: Participant['roles'] = []): Participant => ({
  personId,
  roles,
  name,
  email: `${personId}@pemkot.test`,
});

const organisasi = participant('organisasi', 'Bagian Organisasi', ['admin_organisasi']);
const kepala = participant('kepala', 'Drs. Budi Santoso, M.Si.', ['pimpinan']);
const ketua = participant('ketua', 'Siti Rahmawati, S.E.', ['ketua_tim']);
const unit = { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP' };
const window = { opens: '2026-03-02', due: '2026-03-13' } as const;
/** 09:00 UTC: 16.00 WIB, 17.00 WITA, 18.00 WIT on Wednesday 4 March 2026. */
const dueInstant = '2026-03-04T09:00:00.000Z';

function textLines(email: RenderedEmail): string[] {
  return email.text.split('\n');
}

function expectOneLineSubject(email: RenderedEmail) {
  expect(email.subject).not.toMatch(/\n/);
  expect(email.subject).toBe(email.subject.trim());
  expect(email.subject.length).toBeGreaterThan(10);
}

function expectCivilServiceLetter(email: RenderedEmail, recipientName: string) {
  expect(email.text.startsWith(`Yth. ${recipientName},\n`)).toBe(true);
  expect(email.html).toContain(`<p>Yth. ${recipientName},</p>`);
  expect(email.text).toContain('Pesan ini dikirim otomatis oleh ZI Orchestrator.');
  expect(email.html).toContain('Pesan ini dikirim otomatis oleh ZI Orchestrator.');
}

describe('formatting helpers', () => {
  it('formats the same instant in each zone with the zone named', () => {
    expect(formatInstant(dueInstant, 'WIB')).toBe('Rabu, 04 Maret 2026 pukul 16.00 WIB');
    expect(formatInstant(dueInstant, 'WITA')).toBe('Rabu, 04 Maret 2026 pukul 17.00 WITA');
    expect(formatInstant(dueInstant, 'WIT')).toBe('Rabu, 04 Maret 2026 pukul 18.00 WIT');
  });

  it('moves to the next local day where the zone is already past midnight', () => {
    expect(formatInstant('2026-03-04T16:30:00.000Z', 'WIB')).toBe('Rabu, 04 Maret 2026 pukul 23.30 WIB');
    expect(formatInstant('2026-03-04T16:30:00.000Z', 'WITA')).toBe('Kamis, 05 Maret 2026 pukul 00.30 WITA');
  });

  it('formats a calendar day without shifting it', () => {
    expect(formatDay('2026-03-02')).toBe('Senin, 02 Maret 2026');
    expect(formatDay('2026-12-31')).toBe('Kamis, 31 Desember 2026');
  });

  it('formats fractions as Indonesian percentages', () => {
    expect(formatPercent(0.425)).toBe('42,5 %');
    expect(formatPercent(0.6)).toBe('60 %');
    expect(formatPercent(0.12345)).toBe('12,3 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(1)).toBe('100 %');
  });

  it('rejects a due time without a zone rather than reading it in the host zone', () => {
    expect(() => formatInstant('2026-03-04T09:00:00', 'WIB')).toThrow(RangeError);
  });
});

describe('stage-opened', () => {
  const input = (overrides: Partial<StageOpenedInput> = {}): StageOpenedInput => ({
    cycleId: '2026-1a2b3c4d',
    cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
    unit,
    stage: 'pembentukan_tim',
    window,
    zone: 'WIB',
    tasks: [
      { title: 'Usulan susunan Tim Kerja', due: dueInstant },
      { title: 'SK Tim Kerja ZI', due: '2026-03-13T09:00:00.000Z' },
    ],
    recipients: [kepala, ketua],
    ...overrides,
  });

  it('sends one email per recipient with a deterministic dedupe key and the unit link', async () => {
    const { sent, notifications } = capturing();
    const outcomes = await notifications.notifyStageOpened(input());
    expect(outcomes).toHaveLength(2);
    expect(sent.map((s) => s.request.dedupeKey)).toEqual([
      'stage-opened:2026-1a2b3c4d:DPMPTSP:pembentukan_tim:kepala',
      'stage-opened:2026-1a2b3c4d:DPMPTSP:pembentukan_tim:ketua',
    ]);
    expect(sent.map((s) => s.request.to)).toEqual(['kepala@pemkot.test', 'ketua@pemkot.test']);
    expect(sent.every((s) => s.request.template === 'stage-opened')).toBe(true);
    const [first] = sent;
    expect(first?.text).toContain('http://zi.test/siklus/2026-1a2b3c4d/unit/DPMPTSP');
    expect(first?.html).toContain('href="http://zi.test/siklus/2026-1a2b3c4d/unit/DPMPTSP"');
  });

  it('names the stage and unit in a one-line subject and greets each recipient', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageOpened(input());
    const [toKepala, toKetua] = sent;
    if (!toKepala || !toKetua) throw new Error('expected two emails');
    expectOneLineSubject(toKepala);
    expect(toKepala.subject).toBe('Tahap Pembentukan Tim dimulai untuk Dinas Penanaman Modal dan PTSP (DPMPTSP)');
    expectCivilServiceLetter(toKepala, 'Drs. Budi Santoso, M.Si.');
    expectCivilServiceLetter(toKetua, 'Siti Rahmawati, S.E.');
  });

  it('lists every task with its due time in the instansi zone, and the window as days', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageOpened(input());
    const email = sent[0]!;
    expect(textLines(email)).toEqual(
      expect.arrayContaining([
        '- Usulan susunan Tim Kerja (tenggat Rabu, 04 Maret 2026 pukul 16.00 WIB)',
        '- SK Tim Kerja ZI (tenggat Jumat, 13 Maret 2026 pukul 16.00 WIB)',
        'Jadwal tahap: Senin, 02 Maret 2026 s.d. Jumat, 13 Maret 2026.',
      ]),
    );
    expect(textLines(email).filter((line) => line.startsWith('- '))).toHaveLength(2);
    expect(email.html).toContain('<li>Usulan susunan Tim Kerja (tenggat Rabu, 04 Maret 2026 pukul 16.00 WIB)</li>');
    expect(email.html).toContain('<strong>Pembangunan ZI Pemerintah Kota Contoh</strong>');
  });

  it('shows the same instant as 16.00 in WIB and 17.00 in WITA', async () => {
    const wib = capturing();
    const wita = capturing();
    await wib.notifications.notifyStageOpened(input({ zone: 'WIB' }));
    await wita.notifications.notifyStageOpened(input({ zone: 'WITA' }));
    expect(wib.sent[0]?.text).toContain('Rabu, 04 Maret 2026 pukul 16.00 WIB');
    expect(wita.sent[0]?.text).toContain('Rabu, 04 Maret 2026 pukul 17.00 WITA');
    expect(wita.sent[0]?.text).not.toContain('16.00');
  });

  it('says so when the stage has no tasks for the unit', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageOpened(input({ tasks: [] }));
    expect(sent[0]?.text).toContain('Tidak ada tugas untuk unit kerja ini pada tahap ini.');
    expect(sent[0]?.html).not.toContain('<ul>');
  });

  it('skips recipients without an email address', async () => {
    const { sent, notifications } = capturing();
    const outcomes = await notifications.notifyStageOpened(
      input({ recipients: [{ ...kepala, email: '' }, { ...ketua, email: '  ' }, organisasi] }),
    );
    expect(outcomes).toHaveLength(1);
    expect(sent.map((s) => s.request.to)).toEqual(['organisasi@pemkot.test']);
  });

  it('escapes markup from names in the HTML version but keeps it raw in the text version', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageOpened(
      input({
        unit: { code: 'XSS', name: '<script>alert("unit")</script>' },
        tasks: [{ title: '<b>Tugas</b>', due: dueInstant }],
        recipients: [{ ...kepala, name: '<script>alert("nama")</script>' }],
      }),
    );
    const email = sent[0]!;
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>Tugas</b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;nama&quot;)&lt;/script&gt;');
    expect(email.html).toContain('&lt;b&gt;Tugas&lt;/b&gt;');
    expect(email.text).toContain('Yth. <script>alert("nama")</script>,');
    expect(email.subject).toContain('<script>alert("unit")</script>');
  });

  it('URL-encodes ids in the deep link', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageOpened(input({ cycleId: '2026 a/b', unit: { code: 'A&B', name: 'Unit A&B' } }));
    expect(sent[0]?.text).toContain('http://zi.test/siklus/2026%20a%2Fb/unit/A%26B');
    expect(sent[0]?.request.dedupeKey).toBe('stage-opened:2026 a/b:A&B:pembentukan_tim:kepala');
  });
});

describe('stage-closed', () => {
  const input = (overrides: Partial<StageClosedInput> = {}): StageClosedInput => ({
    cycleId: '2026-1a2b3c4d',
    cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
    stage: 'pelaksanaan',
    window: { opens: '2026-03-16', due: '2026-08-31' },
    zone: 'WITA',
    lateUnits: [
      { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP', openTasks: 3 },
      { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', openTasks: 1 },
    ],
    recipients: [organisasi],
    ...overrides,
  });

  it('lists the late units with their open tasks and links to the cycle', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageClosed(input());
    const email = sent[0]!;
    expect(email.request.dedupeKey).toBe('stage-closed:2026-1a2b3c4d:pelaksanaan:organisasi');
    expect(email.request.template).toBe('stage-closed');
    expectOneLineSubject(email);
    expect(email.subject).toBe(
      'Tahap Pelaksanaan (Pembangunan) ditutup: 2 unit kerja terlambat (Pembangunan ZI Pemerintah Kota Contoh)',
    );
    expectCivilServiceLetter(email, 'Bagian Organisasi');
    expect(textLines(email)).toEqual(
      expect.arrayContaining([
        '- Dinas Penanaman Modal dan PTSP (DPMPTSP): 3 tugas belum selesai',
        '- Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL): 1 tugas belum selesai',
      ]),
    );
    expect(email.text).toContain('(Senin, 16 Maret 2026 s.d. Senin, 31 Agustus 2026)');
    expect(email.text).toContain('http://zi.test/siklus/2026-1a2b3c4d\n');
    expect(email.html).toContain('href="http://zi.test/siklus/2026-1a2b3c4d"');
    expect(email.html).toContain('<li>Dinas Penanaman Modal dan PTSP (DPMPTSP): 3 tugas belum selesai</li>');
    expect(email.text).not.toContain('tepat waktu');
  });

  it('says every unit finished on time when none is late', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageClosed(input({ lateUnits: [] }));
    const email = sent[0]!;
    expect(email.subject).toBe(
      'Tahap Pelaksanaan (Pembangunan) ditutup: semua unit kerja tepat waktu (Pembangunan ZI Pemerintah Kota Contoh)',
    );
    expect(email.text).toContain('Seluruh unit kerja telah menyelesaikan tahap ini tepat waktu. Terima kasih.');
    expect(email.html).toContain('Seluruh unit kerja telah menyelesaikan tahap ini tepat waktu.');
    expect(textLines(email).filter((line) => line.startsWith('- '))).toHaveLength(0);
  });

  it('escapes a unit name in the HTML version', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyStageClosed(
      input({ lateUnits: [{ code: 'X', name: '<script>alert(1)</script>', openTasks: 2 }] }),
    );
    expect(sent[0]?.html).not.toContain('<script>');
    expect(sent[0]?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sent[0]?.text).toContain('- <script>alert(1)</script> (X): 2 tugas belum selesai');
  });
});

describe('stage-late', () => {
  const input = (overrides: Partial<StageLateInput> = {}): StageLateInput => ({
    cycleId: '2026-1a2b3c4d',
    cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
    unit,
    stage: 'pembentukan_tim',
    window,
    zone: 'WIT',
    openTasks: [
      { title: 'SK Tim Kerja ZI', due: dueInstant },
      { title: 'Rencana kerja tim', due: '2026-03-13T07:00:00.000Z' },
    ],
    recipients: [kepala, ketua],
    ...overrides,
  });

  it('tells pimpinan and ketua tim which tasks are open, with due times in the zone', async () => {
    const { sent, notifications } = capturing();
    const outcomes = await notifications.notifyStageLate(input());
    expect(outcomes).toHaveLength(2);
    expect(sent.map((s) => s.request.dedupeKey)).toEqual([
      'stage-late:2026-1a2b3c4d:DPMPTSP:pembentukan_tim:kepala',
      'stage-late:2026-1a2b3c4d:DPMPTSP:pembentukan_tim:ketua',
    ]);
    const email = sent[1]!;
    expectOneLineSubject(email);
    expect(email.subject).toBe(
      'Terlambat: tahap Pembentukan Tim belum selesai di Dinas Penanaman Modal dan PTSP (DPMPTSP)',
    );
    expectCivilServiceLetter(email, 'Siti Rahmawati, S.E.');
    expect(email.text).toContain('berakhir Jumat, 13 Maret 2026');
    expect(email.text).toContain('masih memiliki 2 tugas yang belum selesai');
    expect(textLines(email)).toEqual(
      expect.arrayContaining([
        '- SK Tim Kerja ZI (tenggat Rabu, 04 Maret 2026 pukul 18.00 WIT)',
        '- Rencana kerja tim (tenggat Jumat, 13 Maret 2026 pukul 16.00 WIT)',
      ]),
    );
    expect(email.html).toContain('<li>SK Tim Kerja ZI (tenggat Rabu, 04 Maret 2026 pukul 18.00 WIT)</li>');
    expect(email.html).toContain('href="http://zi.test/siklus/2026-1a2b3c4d/unit/DPMPTSP"');
  });
});

describe('team-approved', () => {
  const input = (overrides: Partial<TeamApprovedInput> = {}): TeamApprovedInput => ({
    cycleId: '2026-1a2b3c4d',
    cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
    unit,
    members: [
      {
        name: 'Andi Pratama',
        email: 'andi@pemkot.test',
        role: 'anggota_tim',
        coordinatorOf: ['penataan_sdm', 'pelayanan_publik'],
      },
      { name: 'Siti Rahmawati, S.E.', email: 'Ketua@Pemkot.Test', role: 'ketua_tim', coordinatorOf: [] },
      { name: 'Dewi Lestari', email: 'dewi@pemkot.test', role: 'anggota_tim', coordinatorOf: [] },
    ],
    recipients: [ketua, participant('andi', 'Andi Pratama', ['anggota_tim']), kepala],
    ...overrides,
  });

  it('sends the whole team to everyone, ketua tim first, with roles and coordinated areas', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyTeamApproved(input());
    expect(sent.map((s) => s.request.dedupeKey)).toEqual([
      'team-approved:2026-1a2b3c4d:DPMPTSP:ketua',
      'team-approved:2026-1a2b3c4d:DPMPTSP:andi',
      'team-approved:2026-1a2b3c4d:DPMPTSP:kepala',
    ]);
    for (const email of sent) {
      expectOneLineSubject(email);
      expect(email.subject).toBe('Tim Kerja Zona Integritas Dinas Penanaman Modal dan PTSP (DPMPTSP) telah disetujui');
      const members = textLines(email).filter((line) => line.startsWith('- '));
      expect(members).toEqual([
        '- Siti Rahmawati, S.E., Ketua Tim',
        '- Andi Pratama, Anggota Tim, koordinator area Penataan Sistem Manajemen SDM, Peningkatan Kualitas Pelayanan Publik',
        '- Dewi Lestari, Anggota Tim',
      ]);
      expect(email.html).toContain('<td>Penataan Sistem Manajemen SDM, Peningkatan Kualitas Pelayanan Publik</td>');
      expect(email.html).toContain('href="http://zi.test/siklus/2026-1a2b3c4d/unit/DPMPTSP"');
    }
  });

  it("names each recipient's own role and areas, matching the email case-insensitively", async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyTeamApproved(input());
    const [toKetua, toAndi, toKepala] = sent;
    expect(toKetua?.text).toContain('Anda tercatat sebagai Ketua Tim.\n');
    expect(toKetua?.html).toContain('Anda tercatat sebagai <strong>Ketua Tim</strong>.');
    expect(toAndi?.text).toContain(
      'Anda tercatat sebagai Anggota Tim dan koordinator area Penataan Sistem Manajemen SDM, Peningkatan Kualitas Pelayanan Publik.',
    );
    expect(toKepala?.text).not.toContain('Anda tercatat sebagai');
    expect(toKepala?.html).not.toContain('Anda tercatat sebagai');
  });

  it('escapes member names in the HTML version', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyTeamApproved(
      input({
        members: [
          { name: '<script>alert("tim")</script>', email: 'x@pemkot.test', role: 'ketua_tim', coordinatorOf: [] },
        ],
        recipients: [kepala],
      }),
    );
    expect(sent[0]?.html).not.toContain('<script>');
    expect(sent[0]?.html).toContain('&lt;script&gt;alert(&quot;tim&quot;)&lt;/script&gt;');
    expect(sent[0]?.text).toContain('- <script>alert("tim")</script>, Ketua Tim');
  });
});

describe('monev-lagging', () => {
  const input = (overrides: Partial<MonevLaggingInput> = {}): MonevLaggingInput => ({
    cycleId: '2026-1a2b3c4d',
    cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
    period: { key: '2026-Q2', label: 'Triwulan II 2026' },
    expectedShare: 0.6,
    lagging: [
      { unitCode: 'DPMPTSP', unitName: 'Dinas Penanaman Modal dan PTSP', share: 0.425, shortfall: 7 },
      { unitCode: 'DISDUKCAPIL', unitName: 'Dinas Kependudukan dan Pencatatan Sipil', share: 0.1, shortfall: 20 },
    ],
    recipients: [organisasi],
    ...overrides,
  });

  it('lists lagging units with share and expected share as Indonesian percentages', async () => {
    const { sent, notifications } = capturing();
    await notifications.notifyMonevLagging(input());
    const email = sent[0]!;
    expect(email.request.dedupeKey).toBe('monev-lagging:2026-1a2b3c4d:2026-Q2:organisasi');
    expect(email.request.template).toBe('monev-lagging');
    expectOneLineSubject(email);
    expect(email.subject).toBe(
      'Monev Triwulan II 2026: 2 unit kerja di bawah target 60 % (Pembangunan ZI Pemerintah Kota Contoh)',
    );
    expectCivilServiceLetter(email, 'Bagian Organisasi');
    expect(textLines(email)).toEqual(
      expect.arrayContaining([
        '- Dinas Penanaman Modal dan PTSP (DPMPTSP): capaian 42,5 % dari target 60 %, kurang 7 tugas',
        '- Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL): capaian 10 % dari target 60 %, kurang 20 tugas',
      ]),
    );
    expect(email.html).toContain('>42,5 %</td>');
    expect(email.html).toContain('>7 tugas</td>');
    expect(email.html).toContain('href="http://zi.test/siklus/2026-1a2b3c4d"');
  });
});

describe('unit-withdrawn and cycle-cancelled', () => {
  it('tells why a unit was withdrawn, escaping the reason in HTML', async () => {
    const input: UnitWithdrawnInput = {
      cycleId: '2026-1a2b3c4d',
      cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
      unit,
      reason: 'Unit kerja digabung dengan <DPMPTSP Baru> & ditata ulang',
      recipients: [kepala, ketua],
    };
    const { sent, notifications } = capturing();
    await notifications.notifyUnitWithdrawn(input);
    expect(sent.map((s) => s.request.dedupeKey)).toEqual([
      'unit-withdrawn:2026-1a2b3c4d:DPMPTSP:kepala',
      'unit-withdrawn:2026-1a2b3c4d:DPMPTSP:ketua',
    ]);
    const email = sent[0]!;
    expectOneLineSubject(email);
    expect(email.subject).toBe(
      'Dinas Penanaman Modal dan PTSP (DPMPTSP) ditarik dari siklus Zona Integritas "Pembangunan ZI Pemerintah Kota Contoh"',
    );
    expectCivilServiceLetter(email, 'Drs. Budi Santoso, M.Si.');
    expect(email.text).toContain('Alasan: Unit kerja digabung dengan <DPMPTSP Baru> & ditata ulang');
    expect(email.html).toContain('Alasan: Unit kerja digabung dengan &lt;DPMPTSP Baru&gt; &amp; ditata ulang');
    expect(email.text).toContain('Terima kasih.');
    expect(email.text).toContain('http://zi.test/siklus/2026-1a2b3c4d/unit/DPMPTSP');
  });

  it('tells everyone a cycle was cancelled and why', async () => {
    const input: CycleCancelledInput = {
      cycleId: '2026-1a2b3c4d',
      cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
      reason: 'Refocusing anggaran',
      recipients: [organisasi, kepala, { ...ketua, email: '' }],
    };
    const { sent, notifications } = capturing();
    const outcomes = await notifications.notifyCycleCancelled(input);
    expect(outcomes).toHaveLength(2);
    expect(sent.map((s) => s.request.dedupeKey)).toEqual([
      'cycle-cancelled:2026-1a2b3c4d:organisasi',
      'cycle-cancelled:2026-1a2b3c4d:kepala',
    ]);
    const email = sent[1]!;
    expectOneLineSubject(email);
    expect(email.subject).toBe('Siklus Zona Integritas "Pembangunan ZI Pemerintah Kota Contoh" dibatalkan');
    expectCivilServiceLetter(email, 'Drs. Budi Santoso, M.Si.');
    expect(email.text).toContain('Alasan: Refocusing anggaran');
    expect(email.html).toContain('href="http://zi.test/siklus/2026-1a2b3c4d"');
  });
});

describe('daily-digest', () => {
  const data = () => ({
    recipient: ketua,
    cycleName: 'Pembangunan ZI Pemerintah Kota Contoh',
    dayText: formatDay('2026-03-05'),
    items: [
      {
        subject: 'Pengingat: tenggat 1 hari kerja lagi: SK Tim Kerja ZI (DPMPTSP)',
        link: 'http://zi.test/tugas/tugas%3A2026-1a2b3c4d%3ADPMPTSP%3Ask_tim_kerja',
        queuedText: formatInstant(dueInstant, 'WITA'),
      },
      {
        subject: 'Eskalasi tingkat 1: <Rencana> kerja (DPMPTSP) terlambat 1 hari kerja',
        link: 'http://zi.test/tugas/b',
        queuedText: formatInstant('2026-03-04T23:00:00.000Z', 'WITA'),
      },
    ],
    link: 'http://zi.test/siklus/2026-1a2b3c4d',
  });

  it('lists every item with its summary, time in the zone and link', () => {
    const email = render('daily-digest', data());
    expectOneLineSubject(email);
    expect(email.subject).toBe(
      'Ringkasan harian Zona Integritas Kamis, 05 Maret 2026: 2 pemberitahuan (Pembangunan ZI Pemerintah Kota Contoh)',
    );
    expectCivilServiceLetter(email, 'Siti Rahmawati, S.E.');
    const lines = textLines(email);
    expect(lines).toEqual(
      expect.arrayContaining([
        '- Pengingat: tenggat 1 hari kerja lagi: SK Tim Kerja ZI (DPMPTSP) (Rabu, 04 Maret 2026 pukul 17.00 WITA)',
        '  http://zi.test/tugas/tugas%3A2026-1a2b3c4d%3ADPMPTSP%3Ask_tim_kerja',
        '- Eskalasi tingkat 1: <Rencana> kerja (DPMPTSP) terlambat 1 hari kerja (Kamis, 05 Maret 2026 pukul 07.00 WITA)',
        '  http://zi.test/tugas/b',
      ]),
    );
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(2);
    expect(email.html).toContain(
      '<a href="http://zi.test/tugas/tugas%3A2026-1a2b3c4d%3ADPMPTSP%3Ask_tim_kerja">Pengingat: tenggat 1 hari kerja lagi: SK Tim Kerja ZI (DPMPTSP)</a>',
    );
    expect(email.html).toContain('Eskalasi tingkat 1: &lt;Rencana&gt; kerja');
    expect(email.html).toContain('href="http://zi.test/siklus/2026-1a2b3c4d"');
  });

  it('escapes the recipient name in the HTML version', () => {
    const email = render('daily-digest', { ...data(), recipient: { ...ketua, name: '<script>x</script>' } });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Yth. &lt;script&gt;x&lt;/script&gt;,');
  });
});

describe('every lifecycle template', () => {
  it('refuses to render without its deep link, so no email goes out without one', async () => {
    const { sent, notifications } = capturing();
    const cycle = { cycleId: '2026-1a2b3c4d', cycleName: 'Siklus', recipients: [ketua] };
    await notifications.notifyStageOpened({ ...cycle, unit, stage: 'persiapan', window, zone: 'WIB', tasks: [] });
    await notifications.notifyStageClosed({ ...cycle, stage: 'persiapan', window, zone: 'WIB', lateUnits: [] });
    await notifications.notifyStageLate({ ...cycle, unit, stage: 'persiapan', window, zone: 'WIB', openTasks: [] });
    await notifications.notifyTeamApproved({ ...cycle, unit, members: [] });
    await notifications.notifyMonevLagging({
      ...cycle,
      period: { key: 'p', label: 'P' },
      expectedShare: 1,
      lagging: [],
    });
    await notifications.notifyUnitWithdrawn({ ...cycle, unit, reason: 'r' });
    await notifications.notifyCycleCancelled({ ...cycle, reason: 'r' });
    const requests = sent.map((s) => s.request);
    expect(requests.map((r) => r.template)).toEqual([
      'stage-opened',
      'stage-closed',
      'stage-late',
      'team-approved',
      'monev-lagging',
      'unit-withdrawn',
      'cycle-cancelled',
    ]);
    const digest = {
      template: 'daily-digest',
      data: { recipient: ketua, cycleName: 'Siklus', dayText: 'x', items: [], link: 'l' },
    };
    for (const { template, data } of [...requests, digest]) {
      expect(() => render(template, data)).not.toThrow();
      const { link: _link, ...withoutLink } = data;
      expect(() => render(template, withoutLink)).toThrow();
    }
  });
});
