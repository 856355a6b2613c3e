import { createEmailRenderer } from '../../activities/templates';
import {
  addMonths,
  applyAward,
  applyRevocation,
  carriesRecommendations,
  eligibilityContextOf,
  pemantauanDue,
  pemantauanPeriods,
  pemantauanTaskTemplate,
  proposalBar,
  recommendationsFor,
  targetPredicate,
  validatePemantauanPlan,
  type PredicateHistory,
} from '../../domain/awards';
import { createWorkingCalendar, formatTanggal } from '../../domain/calendar';
import { defaultCatalogue, validateCatalogue } from '../../domain/catalogue';
import { defaultLkeTemplate, questionsOf, scoreAssessment, type LkeAnswer } from '../../domain/lke';

const revokedHistory = (date: string): PredicateHistory => ({
  current: null,
  awards: [{ predicate: 'WBK', cycleId: '2022-a', date: '2022-12-09' }],
  revocations: [{ predicate: 'WBK', date, reason: 'Kasus korupsi', by: 'admin@pemkot.test' }],
});

describe('the predicate history', () => {
  it('records an award once: the same award again changes nothing', () => {
    const first = applyAward(null, { predicate: 'WBK', cycleId: '2026-a', date: '2026-12-09' });
    expect(first).toEqual({
      ok: true,
      changed: true,
      history: {
        current: 'WBK',
        awards: [{ predicate: 'WBK', cycleId: '2026-a', date: '2026-12-09' }],
        revocations: [],
      },
    });
    if (!first.ok) throw new Error('refused');
    const again = applyAward(first.history, { predicate: 'WBK', cycleId: '2026-a', date: '2026-12-09' });
    expect(again).toEqual({ ok: true, changed: false, history: first.history });
  });

  it('refuses a different predikat for a cycle already recorded, naming what is recorded', () => {
    const first = applyAward(null, { predicate: 'WBK', cycleId: '2026-a', date: '2026-12-09' });
    if (!first.ok) throw new Error('refused');
    const other = applyAward(first.history, { predicate: 'WBBM', cycleId: '2026-a', date: '2026-12-09' });
    expect(other).toMatchObject({ ok: false, kind: 'conflict' });
    expect(!other.ok && other.reason).toContain('WBK per 2026-12-09');
    expect(applyAward(first.history, { predicate: null, cycleId: '2026-a', date: '2026-12-09' })).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
  });

  it('keeps what the unit holds when a cycle ends without a predikat', () => {
    const held: PredicateHistory = {
      current: 'WBK',
      awards: [{ predicate: 'WBK', cycleId: '2025-a', date: '2025-12-09' }],
      revocations: [],
    };
    expect(applyAward(held, { predicate: null, cycleId: '2026-a', date: '2026-12-09' })).toEqual({
      ok: true,
      changed: false,
      history: held,
    });
  });

  it('raises WBK to WBBM, and a later WBK never lowers a WBBM', () => {
    const wbk = applyAward(null, { predicate: 'WBK', cycleId: '2025-a', date: '2025-12-09' });
    if (!wbk.ok) throw new Error('refused');
    const wbbm = applyAward(wbk.history, { predicate: 'WBBM', cycleId: '2026-a', date: '2026-12-09' });
    expect(wbbm.ok && wbbm.history.current).toBe('WBBM');
    if (!wbbm.ok) throw new Error('refused');
    const later = applyAward(wbbm.history, { predicate: 'WBK', cycleId: '2027-a', date: '2027-12-09' });
    expect(later.ok && later.history.current).toBe('WBBM');
    expect(later.ok && later.history.awards.map((award) => award.cycleId)).toEqual(['2025-a', '2026-a', '2027-a']);
  });

  it('revokes the predicate held, with reason and date; repeating the same revocation changes nothing', () => {
    const held: PredicateHistory = {
      current: 'WBBM',
      awards: [{ predicate: 'WBBM', cycleId: '2025-a', date: '2025-12-09' }],
      revocations: [],
    };
    const revoked = applyRevocation(held, { date: '2026-03-01', reason: 'OTT KPK', by: 'admin@pemkot.test' });
    expect(revoked).toEqual({
      ok: true,
      changed: true,
      revoked: 'WBBM',
      history: {
        ...held,
        current: null,
        revocations: [{ predicate: 'WBBM', date: '2026-03-01', reason: 'OTT KPK', by: 'admin@pemkot.test' }],
      },
    });
    if (!revoked.ok) throw new Error('refused');
    const again = applyRevocation(revoked.history, { date: '2026-03-01', reason: 'OTT KPK', by: 'admin@pemkot.test' });
    expect(again).toEqual({ ok: true, changed: false, revoked: 'WBBM', history: revoked.history });
  });

  it('refuses to revoke a unit that holds nothing, or before its award', () => {
    expect(applyRevocation(null, { date: '2026-03-01', reason: 'x', by: 'a' })).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
    const held: PredicateHistory = {
      current: 'WBK',
      awards: [{ predicate: 'WBK', cycleId: '2025-a', date: '2025-12-09' }],
      revocations: [],
    };
    const early = applyRevocation(held, { date: '2025-12-08', reason: 'x', by: 'a' });
    expect(early).toMatchObject({ ok: false, kind: 'refused' });
    expect(!early.ok && early.reason).toContain('mendahului');
  });
});

describe('the 2-year bar after a revocation', () => {
  it('lifts on the second anniversary of the last revocation (that day is allowed)', () => {
    const history = revokedHistory('2024-03-01');
    expect(proposalBar(history, '2026-02-28')).toEqual({
      revokedAt: '2024-03-01',
      proposableFrom: '2026-03-01',
      barred: true,
      daysLeft: 1,
    });
    expect(proposalBar(history, '2026-03-01')).toMatchObject({ barred: false, daysLeft: 0 });
    expect(proposalBar(null, '2026-03-01')).toEqual({
      revokedAt: null,
      proposableFrom: null,
      barred: false,
      daysLeft: 0,
    });
  });

  it('counts from the latest of several revocations, and follows the years the template sets', () => {
    const history: PredicateHistory = {
      ...revokedHistory('2020-01-10'),
      revocations: [
        { predicate: 'WBK', date: '2023-06-30', reason: 'b', by: 'a' },
        { predicate: 'WBK', date: '2020-01-10', reason: 'a', by: 'a' },
      ],
    };
    expect(proposalBar(history, '2025-01-01').proposableFrom).toBe('2025-06-30');
    expect(proposalBar(history, '2025-01-01', 1)).toMatchObject({ proposableFrom: '2024-06-30', barred: false });
  });

  it('refuses an award while the bar holds, and accepts one after', () => {
    const history = revokedHistory('2024-03-01');
    const barred = applyAward(history, { predicate: 'WBK', cycleId: '2025-b', date: '2025-12-09' });
    expect(barred).toMatchObject({ ok: false, kind: 'refused' });
    expect(!barred.ok && barred.reason).toContain('mulai 2026-03-01');
    const after = applyAward(history, { predicate: 'WBK', cycleId: '2026-b', date: '2026-12-09' });
    expect(after.ok && after.history.current).toBe('WBK');
  });

  it('gives the penilaian the same inputs scoring takes, so the score applies the same bar', () => {
    const context = eligibilityContextOf(revokedHistory('2025-03-01'));
    expect(context).toEqual({ priorPredicate: null, revokedAt: '2025-03-01' });
    const answers: Record<string, LkeAnswer> = {};
    for (const { question } of questionsOf(defaultLkeTemplate)) {
      answers[question.id] =
        question.answerType === 'ya_tidak'
          ? { kind: 'option', option: 'ya' }
          : question.answerType === 'persentase'
            ? { kind: 'counts', numerator: 1, denominator: 1 }
            : question.answerType === 'indeks'
              ? { kind: 'index', index: 4 }
              : { kind: 'option', option: 'A' };
    }
    const result = scoreAssessment({
      template: defaultLkeTemplate,
      answers,
      ...context,
      revokedAt: context.revokedAt,
      assessmentDate: '2026-05-31',
    });
    const revocation = result.eligibility.WBK.failures.find((failure) => failure.kind === 'revocation');
    expect(revocation?.required).toBe(proposalBar(revokedHistory('2025-03-01'), '2026-05-31').proposableFrom);
    expect(eligibilityContextOf(null)).toEqual({ priorPredicate: null, revokedAt: undefined });
  });
});

describe('recommendations carried into the next cycle', () => {
  const failures = [
    {
      kind: 'minimum',
      predicate: 'WBK',
      code: 'half:penguatan_pengawasan:reform',
      condition: 'Reform Penguatan Pengawasan',
      actual: 4.2,
      required: 4.5,
      shortfall: 0.3,
      message: 'Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)',
    },
    {
      kind: 'minimum',
      predicate: 'WBBM',
      code: 'total',
      condition: 'Nilai total',
      actual: 80,
      required: 85,
      shortfall: 5,
      message: 'Nilai total 80.00 < 85.00 (kurang 5.00)',
    },
  ] as const;
  const assessment = {
    layers: ['unit', 'tpi_anggota', 'tpi_ketua'],
    answers: {
      unit: { q_b: { note: 'catatan unit sendiri' } },
      tpi_anggota: { q_b: { note: 'SK UPG belum ada' }, q_a: { note: 'Notulen tidak lengkap' }, q_c: {} },
      tpi_ketua: { q_b: { note: 'SK UPG belum ada' }, q_c: { note: '  ' } },
    },
    result: { failures },
    tpn: { desk: { result: 'lulus_dengan_catatan', note: 'Lengkapi survei IPKP' } },
    predikat: { predicate: null },
  };

  it('lists the failed conditions of the target predicate, TPI notes in layer and LKE order, then TPN notes', () => {
    const items = recommendationsFor(assessment, {
      priorPredicate: null,
      questionOrder: ['q_a', 'q_b'],
      questionText: (id) => (id === 'q_a' ? 'Rapat pemantauan' : undefined),
    });
    expect(items).toEqual([
      {
        source: 'syarat',
        code: 'half:penguatan_pengawasan:reform',
        text: 'Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)',
        predicate: 'WBK',
      },
      {
        source: 'tpi',
        code: 'tpi_anggota:q_a',
        text: 'Rapat pemantauan: Notulen tidak lengkap',
        questionId: 'q_a',
        layer: 'tpi_anggota',
      },
      { source: 'tpi', code: 'tpi_anggota:q_b', text: 'SK UPG belum ada', questionId: 'q_b', layer: 'tpi_anggota' },
      { source: 'tpn', code: 'tpn:desk', text: 'Desk evaluasi TPN: Lengkapi survei IPKP' },
    ]);
  });

  it('aims a unit that holds WBK at WBBM', () => {
    expect(targetPredicate('WBK')).toBe('WBBM');
    expect(targetPredicate(null)).toBe('WBK');
    const items = recommendationsFor(assessment, { priorPredicate: 'WBK' });
    expect(items.filter((item) => item.source === 'syarat').map((item) => item.code)).toEqual(['total']);
  });

  it('carries only for a unit that ended without a predikat', () => {
    expect(carriesRecommendations({ predikat: { predicate: null } })).toBe(true);
    expect(carriesRecommendations({})).toBe(true);
    expect(carriesRecommendations({ predikat: { predicate: 'WBK' } })).toBe(false);
  });
});

describe('pemantauan rounds', () => {
  it('plans four quarterly rounds from the award day by default', () => {
    const periods = pemantauanPeriods('2026-12-09');
    expect(periods.map(({ key, opens, ends }) => ({ key, opens, ends }))).toEqual([
      { key: 'pemantauan_1', opens: '2026-12-09', ends: '2027-03-08' },
      { key: 'pemantauan_2', opens: '2027-03-09', ends: '2027-06-08' },
      { key: 'pemantauan_3', opens: '2027-06-09', ends: '2027-09-08' },
      { key: 'pemantauan_4', opens: '2027-09-09', ends: '2027-12-08' },
    ]);
    expect(periods[0]!.label).toBe('Pemantauan ke-1: 9 Desember 2026 – 8 Maret 2027');
  });

  it('follows a configured plan, and clamps month ends', () => {
    expect(pemantauanPeriods('2027-01-31', { everyMonths: 1, periods: 2 }).map((p) => [p.opens, p.ends])).toEqual([
      ['2027-01-31', '2027-02-27'],
      ['2027-02-28', '2027-03-30'],
    ]);
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
    expect(validatePemantauanPlan({ everyMonths: 0, periods: 25 }).map((issue) => issue.path)).toEqual([
      'everyMonths',
      'periods',
    ]);
  });

  it('is due at the end of office hours on the last working day of the round', () => {
    const calendar = createWorkingCalendar({ zone: 'WIB' });
    // 2027-03-07 is a Sunday: the round is due on Friday 5 March, 16:00 WIB.
    expect(pemantauanDue({ ends: '2027-03-07' }, calendar).toISOString()).toBe('2027-03-05T09:00:00.000Z');
    expect(pemantauanDue({ ends: '2027-03-08' }, calendar).toISOString()).toBe('2027-03-08T09:00:00.000Z');
  });

  it('gives the TPI a task the catalogue rules accept', () => {
    const [period] = pemantauanPeriods('2026-12-09');
    const template = pemantauanTaskTemplate(period!, 'WBK');
    expect(template).toMatchObject({ key: 'pemantauan_1', assigneeRole: 'penilai', reviewerRole: 'admin_organisasi' });
    expect(template.title).toContain('WBK');
    // Alongside the default catalogue: its key, roles and evidence pass the rules every catalogue template meets.
    expect(validateCatalogue({ version: 'uji', templates: [...defaultCatalogue.templates, template] })).toEqual([]);
  });
});

describe('dates and announcements in Bahasa Indonesia', () => {
  const render = createEmailRenderer();
  const base = {
    recipient: { name: 'Kepala Disdukcapil', email: 'kepala@pemkot.test' },
    unit: { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
    cycle: { id: '2026-abc', name: 'Pembangunan ZI 2026', year: 2026 },
    dateText: formatTanggal('2026-12-09'),
    link: 'http://zi.test/siklus/2026-abc/unit/DISDUKCAPIL',
  };

  it('formats days as people write them', () => {
    expect(formatTanggal('2026-12-09')).toBe('9 Desember 2026');
    expect(formatTanggal('2027-01-31')).toBe('31 Januari 2027');
    expect(() => formatTanggal('2026-02-30')).toThrow(RangeError);
  });

  it('announces an award with the certificate link and the monitoring plan', () => {
    const email = render('penghargaan-predikat', {
      ...base,
      predicate: 'WBK',
      predicateName: 'Wilayah Bebas dari Korupsi',
      pemantauan: { everyMonths: 3, periods: 4 },
      certificateLink: 'http://zi.test/api/v1/awards/2026-abc/DISDUKCAPIL/certificate.pdf',
    });
    expect(email.subject).toBe(
      'Selamat: Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL) meraih predikat WBK — Zona Integritas 2026',
    );
    expect(email.text).toContain('Wilayah Bebas dari Korupsi (WBK)');
    expect(email.text).toContain('per 9 Desember 2026');
    expect(email.text).toContain('setiap 3 bulan sebanyak 4 kali');
    expect(email.html).toContain('href="http://zi.test/api/v1/awards/2026-abc/DISDUKCAPIL/certificate.pdf"');
  });

  it('tells a unit without a predikat that its recommendations carry forward', () => {
    const email = render('penghargaan-predikat', {
      ...base,
      predicate: null,
      predicateName: null,
      pemantauan: null,
      certificateLink: null,
    });
    expect(email.subject).toContain('belum memperoleh predikat');
    expect(email.text).toContain('dibawa ke siklus berikutnya');
    expect(email.html).not.toContain('piagam');
  });

  it('announces a revocation with its reason and when the unit may be proposed again', () => {
    const email = render('penghargaan-pencabutan', {
      ...base,
      predicate: 'WBK',
      predicateName: 'Wilayah Bebas dari Korupsi',
      reason: 'Pegawai terjaring OTT',
      proposableFromText: '1 Maret 2029',
    });
    expect(email.subject).toBe('Predikat WBK Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL) dicabut');
    expect(email.text).toContain('Alasan: Pegawai terjaring OTT');
    expect(email.text).toContain('mulai 1 Maret 2029');
  });
});
