import type { RecommendationItem } from '../../domain/awards';
import {
  areaOfRecommendation,
  carriedEvidenceDocument,
  carriedRecommendationTemplates,
  withCarriedRecommendations,
} from '../../domain/carried-recommendations';
import {
  defaultCatalogue,
  maxDescriptionLength,
  requiredTasksForStage,
  validateCatalogue,
} from '../../domain/catalogue';

/** A failed half as the awards service lists it: without its area until `areaOfRecommendation` adds it. */
const syarat = (area: string, text: string): RecommendationItem => ({
  source: 'syarat',
  code: `half:${area}:reform`,
  text,
  predicate: 'WBK',
});

describe('areaOfRecommendation', () => {
  it('takes the question’s area, the failed half’s area, or none', () => {
    const questionArea = (id: string) => (id === 'pw_1' ? 'penguatan_pengawasan' : undefined);
    expect(
      areaOfRecommendation({ source: 'tpi', code: 'tpi_ketua:pw_1', text: 'x', questionId: 'pw_1' }, questionArea),
    ).toBe('penguatan_pengawasan');
    expect(
      areaOfRecommendation({ source: 'tpi', code: 'tpi_ketua:zz', text: 'x', questionId: 'zz' }, questionArea),
    ).toBeUndefined();
    expect(areaOfRecommendation(syarat('penataan_sdm', 'x'), questionArea)).toBe('penataan_sdm');
    expect(areaOfRecommendation(syarat('bukan_area', 'x'), questionArea)).toBeUndefined();
    expect(areaOfRecommendation({ source: 'syarat', code: 'total', text: 'x' }, questionArea)).toBeUndefined();
    expect(areaOfRecommendation({ source: 'tpn', code: 'tpn:desk', text: 'x' }, questionArea)).toBeUndefined();
  });
});

describe('carriedRecommendationTemplates', () => {
  it('makes nothing of nothing', () => {
    expect(carriedRecommendationTemplates('2026-abc', [])).toEqual([]);
  });

  it('groups by area in LKE order, then the general task, each a required pelaksanaan task for the team', () => {
    const items: RecommendationItem[] = [
      { source: 'tpn', code: 'tpn:desk', text: 'Desk evaluasi TPN: SOP belum lengkap' },
      {
        ...syarat('penguatan_pengawasan', 'Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)'),
        area: 'penguatan_pengawasan',
      },
      { source: 'tpi', code: 'tpi_anggota:mp_1', text: 'Agen perubahan: belum ada SK', area: 'manajemen_perubahan' },
      { source: 'tpi', code: 'tpi_ketua:pw_2', text: 'UPG: laporan gratifikasi kosong', area: 'penguatan_pengawasan' },
    ];
    const templates = carriedRecommendationTemplates('2026-abc', items);
    expect(templates.map((t) => t.key)).toEqual([
      'rekomendasi_manajemen_perubahan',
      'rekomendasi_penguatan_pengawasan',
      'rekomendasi_umum',
    ]);
    for (const template of templates) {
      expect(template).toMatchObject({
        stage: 'pelaksanaan',
        assigneeRole: 'ketua_tim',
        reviewerRole: 'penilai',
        required: true,
        evidence: { required: true, documents: [carriedEvidenceDocument] },
      });
    }
    expect(templates[1]!.area).toBe('penguatan_pengawasan');
    expect(templates[1]!.title).toBe('Tindak lanjut rekomendasi siklus 2026-abc: Penguatan Pengawasan');
    expect(templates[1]!.description.split('\n')).toEqual([
      'Rekomendasi siklus 2026-abc yang belum ditindaklanjuti:',
      '- Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)',
      '- UPG: laporan gratifikasi kosong',
    ]);
    expect(templates[2]!.area).toBeUndefined();
    expect(templates[2]!.title).toMatch(/: Umum$/);
  });

  it('counts what does not fit the description instead of dropping it silently', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      source: 'tpi' as const,
      code: `tpi:q${i}`,
      text: `Catatan nomor ${i} ${'x'.repeat(60)}`,
    }));
    const [template] = carriedRecommendationTemplates('2026-abc', items);
    expect(template!.description.length).toBeLessThanOrEqual(maxDescriptionLength);
    const lines = template!.description.split('\n');
    const listed = lines.filter((line) => line.startsWith('- ')).length;
    expect(listed).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe(`… dan ${60 - listed} rekomendasi lain (lihat rekomendasi siklus 2026-abc).`);
  });

  it('yields a catalogue that still validates, and leaves the cycle’s own catalogue alone without carried tasks', () => {
    const carried = carriedRecommendationTemplates('2026-abc', [
      { ...syarat('penataan_sdm', 'x'), area: 'penataan_sdm' },
    ]);
    const catalogue = withCarriedRecommendations(defaultCatalogue, carried);
    expect(validateCatalogue(catalogue)).toEqual([]);
    expect(requiredTasksForStage(catalogue, 'pelaksanaan').map((t) => t.key)).toContain('rekomendasi_penataan_sdm');
    expect(withCarriedRecommendations(defaultCatalogue, [])).toBe(defaultCatalogue);
    expect(withCarriedRecommendations(defaultCatalogue, undefined)).toBe(defaultCatalogue);
  });
});
