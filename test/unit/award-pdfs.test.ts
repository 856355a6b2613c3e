import type { CycleDocument } from '../../activities/models/cycle.model';
import { renderCertificate } from '../../api/awards/certificate-pdf';
import { buildCycleReport } from '../../api/awards/cycle-report';
import { renderCycleReport } from '../../api/awards/cycle-report-pdf';
import { summariseProgress } from '../../domain/cycle-progress';
import { formatScore } from '../../domain/lke';
import { failingResult, wbkResult } from '../fixtures/award-assessments';
import { flat, pdfText } from '../support/pdf-text';

const passing = wbkResult();
const failing = failingResult();

const cycle: Pick<CycleDocument, '_id' | 'name' | 'year' | 'status' | 'units' | 'stages'> = {
  _id: '2026-laporan',
  name: 'Pembangunan ZI Kota Contoh 2026',
  year: 2026,
  status: 'launched',
  units: [
    {
      code: 'DISDUKCAPIL',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      head: { name: 'a', email: 'a@x' },
      stage: 'penghargaan',
      status: 'active',
    },
    {
      code: 'DPMPTSP',
      name: 'Dinas Penanaman Modal dan PTSP',
      head: { name: 'b', email: 'b@x' },
      stage: 'penghargaan',
      status: 'active',
    },
    {
      code: 'BAPPEDA',
      name: 'Badan Perencanaan Pembangunan Daerah',
      head: { name: 'c', email: 'c@x' },
      stage: 'persiapan',
      status: 'withdrawn',
    },
  ],
  stages: {
    persiapan: {
      window: { opens: '2026-01-02', due: '2026-01-30' },
      status: 'closed',
      lateUnits: ['DPMPTSP', 'BAPPEDA'],
    },
    pembentukan_tim: { window: { opens: '2026-02-02', due: '2026-02-27' }, status: 'closed', lateUnits: [] },
    pelaksanaan: { window: { opens: '2026-03-02', due: '2026-09-30' }, status: 'closed', lateUnits: [] },
    monev: { window: { opens: '2026-03-02', due: '2026-10-30' }, status: 'closed', lateUnits: [] },
    penilaian: { window: { opens: '2026-04-01', due: '2026-07-31' }, status: 'closed', lateUnits: [] },
    penghargaan: { window: { opens: '2026-11-02', due: '2026-12-18' }, status: 'open', lateUnits: [] },
  },
};

const progress = summariseProgress([
  {
    unitCode: 'DISDUKCAPIL',
    stage: 'persiapan',
    area: null,
    status: 'approved',
    count: 4,
    overdue: 0,
    maxEscalationLevel: 0,
  },
  {
    unitCode: 'DPMPTSP',
    stage: 'persiapan',
    area: null,
    status: 'approved',
    count: 3,
    overdue: 0,
    maxEscalationLevel: 0,
  },
  {
    unitCode: 'DPMPTSP',
    stage: 'persiapan',
    area: null,
    status: 'claimed',
    count: 1,
    overdue: 1,
    maxEscalationLevel: 2,
  },
]);

function report(unitCodes: string[]) {
  return buildCycleReport({
    cycle,
    unitCodes,
    progress,
    assessments: [
      {
        unitCode: 'DISDUKCAPIL',
        phase: 'selesai',
        result: passing,
        eligiblePredicate: 'WBK',
        predikat: { predicate: 'WBK', date: '2026-12-09', by: 'admin' },
      },
      { unitCode: 'DPMPTSP', phase: 'tidak_diusulkan', result: failing, eligiblePredicate: null },
    ],
    reader: 'Kepala Daerah',
    generatedAt: 'Rabu, 09 Desember 2026 pukul 10.00 WIB',
  });
}

describe('the cycle report (pdf)', () => {
  it('has its scores right before it is drawn: one unit eligible for WBK, one failing a named condition', () => {
    expect(passing.predicate).toBe('WBK');
    expect(failing.predicate).toBeNull();
    expect(failing.eligibility.WBK.failures.map((failure) => failure.condition)).toContain(
      'Reform Penguatan Pengawasan',
    );
  });

  it('reads back with stage progress, every unit’s scores and predikat, and every failed condition', async () => {
    const data = report(['DISDUKCAPIL', 'DPMPTSP', 'BAPPEDA']);
    const pdf = await renderCycleReport(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat(pdfText(pdf).text);

    expect(text).toContain('Laporan Siklus Pembangunan Zona Integritas');
    expect(text).toContain('Pembangunan ZI Kota Contoh 2026');
    expect(text).toContain('Disusun untuk Kepala Daerah');
    // Stage progress: labels, windows, status, approved share and late units.
    expect(text).toContain('Persiapan');
    expect(text).toContain('2 Januari 2026 – 30 Januari 2026');
    expect(text).toContain('7/8 (88%)');
    expect(text).toContain('DPMPTSP, BAPPEDA');
    expect(text).toContain('Penghargaan');
    expect(text).toContain('Berjalan');
    // Per unit: name, scores, eligibility, predikat.
    expect(text).toContain('Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)');
    expect(text).toContain('Dinas Penanaman Modal dan PTSP (DPMPTSP)');
    expect(text).toContain('Badan Perencanaan Pembangunan Daerah (BAPPEDA)');
    expect(text).toContain(formatScore(passing.total.score));
    expect(text).toContain(formatScore(passing.pengungkit.score));
    expect(text).toContain(formatScore(failing.total.score));
    expect(text).toContain('WBK (9 Desember 2026)');
    expect(text).toContain('Tidak diusulkan');
    expect(text).toContain('Ditarik');
    expect(text).toContain('Belum dinilai');
    // Every failed condition, by its message.
    for (const failure of failing.failures) expect(text).toContain(`${failure.predicate}: ${failure.message}`);
    expect(text).toContain('Reform Penguatan Pengawasan');
    for (const failure of passing.failures) expect(text).toContain(`${failure.predicate}: ${failure.message}`);
    expect(text).toContain('Belum ada nilai.');
  });

  it('shows a pimpinan their own units only', async () => {
    const data = report(['DPMPTSP']);
    expect(data.partial).toBe(true);
    expect(data.stages[0]!.lateUnits).toEqual(['DPMPTSP']);
    const text = flat(pdfText(await renderCycleReport(data)).text);
    expect(text).toContain('hanya memuat unit yang Anda pimpin: DPMPTSP');
    expect(text).toContain('Dinas Penanaman Modal dan PTSP');
    expect(text).not.toContain('DISDUKCAPIL');
    expect(text).not.toContain('Dinas Kependudukan');
    expect(text).not.toContain('BAPPEDA');
  });
});

describe('the certificate (pdf)', () => {
  it('names the unit, the predicate, the cycle year and the day, in Bahasa Indonesia', async () => {
    const pdf = await renderCertificate({
      unit: { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
      predicate: 'WBBM',
      cycle: { id: '2026-abc', name: 'Pembangunan ZI Kota Contoh 2026', year: 2026 },
      date: '2026-12-09',
    });
    const { text, pages } = pdfText(pdf);
    expect(pages).toBe(1);
    const flatText = flat(text);
    expect(flatText).toContain('PIAGAM PENGHARGAAN');
    expect(flatText).toContain('Nomor: ZI/2026/DISDUKCAPIL/WBBM');
    expect(flatText).toContain('Dinas Kependudukan dan Pencatatan Sipil');
    expect(flatText).toContain('WILAYAH BIROKRASI BERSIH DAN MELAYANI (WBBM)');
    expect(flatText).toContain('Pembangunan Zona Integritas Tahun 2026');
    expect(flatText).toContain('Ditetapkan pada tanggal 9 Desember 2026');
  });
});
