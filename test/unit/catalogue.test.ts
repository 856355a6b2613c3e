import { areaCodes, areaNames, isAreaCode } from '../../domain/areas';
import {
  applyCatalogueOverrides,
  customVersion,
  defaultCatalogue,
  findTemplate,
  maxKeyLength,
  maxWorkingDays,
  requiredTasksForStage,
  tasksForStage,
  templateKeyPattern,
  validateCatalogue,
  type CatalogueIssue,
  type CatalogueOverrides,
  type OverrideResult,
  type TaskCatalogue,
  type TaskTemplate,
} from '../../domain/catalogue';
import { canWorkOnTasks, isRoleCode, roleCodes, roleLabels } from '../../domain/roles';
import { stageCodes, type StageCode } from '../../domain/stages';

/** A template that passes every check; cases change one thing at a time. */
function template(key: string, stage: StageCode, fields: Partial<TaskTemplate> = {}): TaskTemplate {
  return {
    key,
    title: `Tugas ${key}`,
    description: `Deskripsi tugas ${key}.`,
    stage,
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Notulen rapat', 'Daftar hadir'] },
    required: true,
    due: { kind: 'at_stage_due' },
    ...fields,
  };
}

/** One required template per stage, plus an optional one in pelaksanaan. */
const smallCatalogue: TaskCatalogue = {
  version: 'uji-1',
  templates: [
    ...stageCodes.map((stage) => template(`wajib_${stage}`, stage)),
    template('opsional', 'pelaksanaan', { required: false, area: 'pelayanan_publik' }),
  ],
};

/** A deliberately broken value, as JSON from outside could carry. */
const broken = <T>(value: unknown): T => value as T;

function withTemplate(index: number, fields: Record<string, unknown>): TaskCatalogue {
  return {
    ...smallCatalogue,
    templates: smallCatalogue.templates.map((original, i) =>
      i === index ? broken<TaskTemplate>({ ...original, ...fields }) : original,
    ),
  };
}

function expectIssues(issues: readonly CatalogueIssue[], expected: { path: string; message: RegExp }[]): void {
  expect(issues.map((issue) => issue.path)).toEqual(expected.map((want) => want.path));
  expected.forEach((want, index) => expect(issues[index]?.message).toMatch(want.message));
}

function catalogueOf(result: OverrideResult): TaskCatalogue {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.catalogue;
}

function errorsOf(result: OverrideResult): readonly CatalogueIssue[] {
  if (result.ok) throw new Error('expected errors, got a catalogue');
  return result.errors;
}

const keys = (catalogue: TaskCatalogue): string[] => catalogue.templates.map((t) => t.key);

describe('areas', () => {
  it('lists the six areas with stable codes and the names of the LKE', () => {
    expect(areaCodes).toEqual([
      'manajemen_perubahan',
      'penataan_tatalaksana',
      'penataan_sdm',
      'akuntabilitas_kinerja',
      'penguatan_pengawasan',
      'pelayanan_publik',
    ]);
    expect(areaNames).toEqual({
      manajemen_perubahan: 'Manajemen Perubahan',
      penataan_tatalaksana: 'Penataan Tatalaksana',
      penataan_sdm: 'Penataan Sistem Manajemen SDM',
      akuntabilitas_kinerja: 'Penguatan Akuntabilitas Kinerja',
      penguatan_pengawasan: 'Penguatan Pengawasan',
      pelayanan_publik: 'Peningkatan Kualitas Pelayanan Publik',
    });
  });

  it.each([...areaCodes])('recognises %s', (code) => expect(isAreaCode(code)).toBe(true));
  it.each([['Manajemen Perubahan'], ['sdm'], [''], [undefined], [1]])('rejects %p', (value) => {
    expect(isAreaCode(value)).toBe(false);
  });
});

describe('roles', () => {
  it('lists the roles with a label each', () => {
    expect(roleCodes).toEqual(['admin_organisasi', 'pimpinan', 'ketua_tim', 'anggota_tim', 'penilai', 'pengamat']);
    expect(Object.keys(roleLabels).sort()).toEqual([...roleCodes].sort());
    for (const code of roleCodes) expect(roleLabels[code].trim()).not.toBe('');
  });

  it.each([...roleCodes])('recognises %s', (code) => expect(isRoleCode(code)).toBe(true));
  it.each([['admin'], ['TPI'], [''], [null]])('rejects %p', (value) => expect(isRoleCode(value)).toBe(false));

  it('lets every role but pengamat work on tasks', () => {
    expect(roleCodes.filter((role) => !canWorkOnTasks(role))).toEqual(['pengamat']);
  });
});

describe('defaultCatalogue', () => {
  const templates = defaultCatalogue.templates;

  it('is version zi-2026.1 and validates clean', () => {
    expect(defaultCatalogue.version).toBe('zi-2026.1');
    expect(validateCatalogue(defaultCatalogue)).toEqual([]);
  });

  it('has at least 35 templates with unique, well-formed keys', () => {
    expect(templates.length).toBeGreaterThanOrEqual(35);
    expect(new Set(keys(defaultCatalogue)).size).toBe(templates.length);
    for (const { key } of templates) {
      expect(key).toMatch(templateKeyPattern);
      expect(key.length).toBeLessThanOrEqual(maxKeyLength);
    }
  });

  it.each([...stageCodes])('covers stage %s with at least one required template', (stage) => {
    expect(tasksForStage(defaultCatalogue, stage).length).toBeGreaterThan(0);
    expect(requiredTasksForStage(defaultCatalogue, stage).length).toBeGreaterThan(0);
  });

  it.each([...areaCodes])('covers area %s in pelaksanaan', (area) => {
    expect(templates.filter((t) => t.area === area && t.stage === 'pelaksanaan').length).toBeGreaterThanOrEqual(3);
  });

  it('lists templates in stage order', () => {
    const order = templates.map((t) => stageCodes.indexOf(t.stage));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('names documents whenever evidence is required', () => {
    for (const { evidence } of templates) {
      if (evidence.required) expect(evidence.documents.length).toBeGreaterThan(0);
    }
  });

  it('never gives a task to pengamat', () => {
    for (const t of templates) {
      expect(t.assigneeRole).not.toBe('pengamat');
      expect(t.reviewerRole).not.toBe('pengamat');
    }
  });

  it('has the team submission: pimpinan submits, Bagian Organisasi reviews, with SK, minutes and attendance', () => {
    expect(findTemplate(defaultCatalogue, 'submit_tim_kerja')).toMatchObject({
      stage: 'pembentukan_tim',
      assigneeRole: 'pimpinan',
      reviewerRole: 'admin_organisasi',
      required: true,
      evidence: {
        required: true,
        documents: expect.arrayContaining(['SK Tim Kerja ZI', 'Notulen rapat', 'Daftar hadir']),
      },
    });
  });

  it.each<[string, StageCode]>([
    ['pencanangan_zi', 'persiapan'],
    ['pakta_integritas', 'persiapan'],
    ['rencana_kerja_awal', 'persiapan'],
    ['identifikasi_area_berisiko', 'persiapan'],
    ['laporan_kemajuan_bulanan', 'monev'],
    ['penilaian_mandiri_lke', 'penilaian'],
    ['evaluasi_tpi', 'penilaian'],
    ['usulan_ke_kemenpanrb', 'penilaian'],
    ['pencatatan_predikat', 'penghargaan'],
  ])('has the lifecycle task %s in %s', (key, stage) => {
    expect(findTemplate(defaultCatalogue, key)?.stage).toBe(stage);
  });

  it('is frozen, so no cycle can edit the shared defaults', () => {
    expect(Object.isFrozen(defaultCatalogue)).toBe(true);
    expect(Object.isFrozen(defaultCatalogue.templates)).toBe(true);
    expect(Object.isFrozen(templates[0]?.evidence.documents)).toBe(true);
  });
});

describe('tasksForStage and friends', () => {
  it.each([...stageCodes])('returns only and all %s templates, in catalogue order', (stage) => {
    const found = tasksForStage(defaultCatalogue, stage);
    expect(found.every((t) => t.stage === stage)).toBe(true);
    expect(found).toEqual(defaultCatalogue.templates.filter((t) => t.stage === stage));
  });

  it('partitions the catalogue: every template belongs to exactly one stage', () => {
    const total = stageCodes.reduce((sum, stage) => sum + tasksForStage(defaultCatalogue, stage).length, 0);
    expect(total).toBe(defaultCatalogue.templates.length);
  });

  it('returns the required templates of a stage', () => {
    expect(keys({ version: 'x', templates: requiredTasksForStage(smallCatalogue, 'pelaksanaan') })).toEqual([
      'wajib_pelaksanaan',
    ]);
    expect(keys({ version: 'x', templates: tasksForStage(smallCatalogue, 'pelaksanaan') })).toEqual([
      'wajib_pelaksanaan',
      'opsional',
    ]);
  });

  it('finds a template by key, or nothing', () => {
    expect(findTemplate(smallCatalogue, 'opsional')?.area).toBe('pelayanan_publik');
    expect(findTemplate(smallCatalogue, 'tidak_ada')).toBeUndefined();
  });
});

describe('validateCatalogue', () => {
  it('accepts a minimal catalogue', () => {
    expect(validateCatalogue(smallCatalogue)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no area', { area: undefined }],
    ['optional evidence without documents', { evidence: { required: false, documents: [] } }],
    ['zero working days after the stage opens', { due: { kind: 'after_stage_opens', workingDays: 0 } }],
    ['zero working days before the stage is due', { due: { kind: 'before_stage_due', workingDays: 0 } }],
    ['the largest offset', { due: { kind: 'before_stage_due', workingDays: maxWorkingDays } }],
    ['a key of maximum length', { key: 'k'.repeat(maxKeyLength) }],
    ['assignee and reviewer of the same role', { assigneeRole: 'penilai', reviewerRole: 'penilai' }],
  ])('accepts %s', (_case, fields) => {
    expect(validateCatalogue(withTemplate(0, fields))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { path: string; message: RegExp }[]]>([
    ['an upper-case key', { key: 'Pencanangan' }, [{ path: 'templates.0.key', message: /huruf kecil, angka dan _/ }]],
    ['a key with a dash', { key: 'pakta-integritas' }, [{ path: 'templates.0.key', message: /"pakta-integritas"/ }]],
    ['an empty key', { key: '' }, [{ path: 'templates.0.key', message: /huruf kecil/ }]],
    ['a missing key', { key: undefined }, [{ path: 'templates.0.key', message: /huruf kecil/ }]],
    ['a key too long', { key: 'k'.repeat(maxKeyLength + 1) }, [{ path: 'templates.0.key', message: /lebih dari 64/ }]],
    ['a blank title', { title: '   ' }, [{ path: 'templates.0.title', message: /^judul wajib diisi$/ }]],
    ['a title too long', { title: 'a'.repeat(201) }, [{ path: 'templates.0.title', message: /lebih dari 200/ }]],
    ['no description', { description: undefined }, [{ path: 'templates.0.description', message: /wajib diisi/ }]],
    [
      'a description too long',
      { description: 'a'.repeat(2001) },
      [{ path: 'templates.0.description', message: /lebih dari 2000/ }],
    ],
    ['an unknown area', { area: 'keuangan' }, [{ path: 'templates.0.area', message: /area "keuangan" tidak dikenal/ }]],
    [
      'an unknown assignee role',
      { assigneeRole: 'kepala' },
      [{ path: 'templates.0.assigneeRole', message: /"kepala" tidak dikenal/ }],
    ],
    [
      'an unknown reviewer role',
      { reviewerRole: 42 },
      [{ path: 'templates.0.reviewerRole', message: /42 tidak dikenal/ }],
    ],
    [
      'pengamat as assignee',
      { assigneeRole: 'pengamat' },
      [{ path: 'templates.0.assigneeRole', message: /hanya dapat melihat/ }],
    ],
    [
      'pengamat as reviewer',
      { reviewerRole: 'pengamat' },
      [{ path: 'templates.0.reviewerRole', message: /hanya dapat melihat/ }],
    ],
    [
      'required not a boolean (which also leaves its stage without a required template)',
      { required: 'ya' },
      [
        { path: 'templates.0.required', message: /true atau false/ },
        { path: 'stages.persiapan', message: /tidak memiliki tugas wajib/ },
      ],
    ],
    [
      'missing evidence',
      { evidence: undefined },
      [{ path: 'templates.0.evidence', message: /data dukung wajib diisi/ }],
    ],
    [
      'required evidence without documents',
      { evidence: { required: true, documents: [] } },
      [{ path: 'templates.0.evidence.documents', message: /tidak ada dokumen yang disebutkan/ }],
    ],
    [
      'evidence.required not a boolean',
      { evidence: { required: 'ya', documents: ['Notulen rapat'] } },
      [{ path: 'templates.0.evidence.required', message: /true atau false/ }],
    ],
    [
      'documents not a list',
      { evidence: { required: true, documents: 'Notulen rapat' } },
      [{ path: 'templates.0.evidence.documents', message: /harus berupa larik/ }],
    ],
    [
      'a blank document name',
      { evidence: { required: true, documents: ['Notulen rapat', ' '] } },
      [{ path: 'templates.0.evidence.documents.1', message: /nama dokumen wajib diisi/ }],
    ],
    [
      'a document name too long',
      { evidence: { required: true, documents: ['a'.repeat(201)] } },
      [{ path: 'templates.0.evidence.documents.0', message: /lebih dari 200/ }],
    ],
    [
      'a document named twice',
      { evidence: { required: true, documents: ['Daftar hadir', 'Notulen rapat', 'Daftar hadir'] } },
      [{ path: 'templates.0.evidence.documents.2', message: /"Daftar hadir" disebutkan lebih dari sekali/ }],
    ],
    ['a missing due rule', { due: undefined }, [{ path: 'templates.0.due', message: /aturan tenggat wajib diisi/ }]],
    [
      'an unknown due kind',
      { due: { kind: 'setiap_bulan' } },
      [{ path: 'templates.0.due.kind', message: /jenis tenggat "setiap_bulan" tidak dikenal/ }],
    ],
    [
      'negative working days',
      { due: { kind: 'after_stage_opens', workingDays: -1 } },
      [{ path: 'templates.0.due.workingDays', message: /tidak boleh negatif \(-1\)/ }],
    ],
    [
      'fractional working days',
      { due: { kind: 'before_stage_due', workingDays: 2.5 } },
      [{ path: 'templates.0.due.workingDays', message: /bilangan bulat/ }],
    ],
    [
      'working days as text',
      { due: { kind: 'before_stage_due', workingDays: '5' } },
      [{ path: 'templates.0.due.workingDays', message: /bilangan bulat/ }],
    ],
    [
      'missing working days',
      { due: { kind: 'after_stage_opens' } },
      [{ path: 'templates.0.due.workingDays', message: /bilangan bulat/ }],
    ],
    [
      'more working days than a year',
      { due: { kind: 'after_stage_opens', workingDays: maxWorkingDays + 1 } },
      [{ path: 'templates.0.due.workingDays', message: /lebih dari 250/ }],
    ],
  ])('reports %s', (_case, fields, expected) => {
    expectIssues(validateCatalogue(withTemplate(0, fields)), expected);
  });

  it('reports an unknown stage, and the stage it left without a required template', () => {
    expectIssues(validateCatalogue(withTemplate(0, { stage: 'pelaporan' })), [
      { path: 'templates.0.stage', message: /tahap "pelaporan" tidak dikenal/ },
      { path: 'stages.persiapan', message: /^tahap Persiapan tidak memiliki tugas wajib$/ },
    ]);
  });

  it.each([...stageCodes])('reports stage %s when none of its templates is required', (stage) => {
    const index = stageCodes.indexOf(stage);
    expectIssues(validateCatalogue(withTemplate(index, { required: false })), [
      { path: `stages.${stage}`, message: /tidak memiliki tugas wajib/ },
    ]);
  });

  it('reports a duplicate key at each repetition, naming the first use', () => {
    const catalogue = {
      ...smallCatalogue,
      templates: [...smallCatalogue.templates, template('opsional', 'monev'), template('opsional', 'monev')],
    };
    expect(validateCatalogue(catalogue)).toEqual([
      { path: 'templates.7.key', message: 'kunci "opsional" sudah dipakai oleh templat ke-6' },
      { path: 'templates.8.key', message: 'kunci "opsional" sudah dipakai oleh templat ke-6' },
    ]);
  });

  it('reports a missing version', () => {
    expectIssues(validateCatalogue({ ...smallCatalogue, version: ' ' }), [
      { path: 'version', message: /versi katalog wajib diisi/ },
    ]);
  });

  it('reports templates that are not a list, or not objects', () => {
    expectIssues(validateCatalogue(broken<TaskCatalogue>({ version: 'x', templates: {} })), [
      { path: 'templates', message: /harus berupa larik/ },
    ]);
    const withNull = { ...smallCatalogue, templates: [...smallCatalogue.templates, broken<TaskTemplate>(null)] };
    expectIssues(validateCatalogue(withNull), [{ path: 'templates.7', message: /harus berupa objek/ }]);
  });

  it('reports every problem of a template at once', () => {
    const issues = validateCatalogue(
      withTemplate(6, { key: 'X', title: '', evidence: { required: true, documents: [] }, due: { kind: 'x' } }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'templates.6.key',
      'templates.6.title',
      'templates.6.evidence.documents',
      'templates.6.due.kind',
    ]);
  });
});

describe('applyCatalogueOverrides', () => {
  it('returns the catalogue itself, version unchanged, when there is nothing to override', () => {
    for (const overrides of [{}, { add: [], drop: [], change: [] }] satisfies CatalogueOverrides[]) {
      const result = applyCatalogueOverrides(defaultCatalogue, overrides);
      expect(catalogueOf(result)).toBe(defaultCatalogue);
    }
  });

  it('drops templates, keeping the order of the rest', () => {
    const result = catalogueOf(
      applyCatalogueOverrides(defaultCatalogue, { drop: ['sosialisasi_zi', 'kompensasi_pelayanan'] }),
    );
    expect(result.version).toBe('zi-2026.1+custom');
    expect(keys(result)).toEqual(
      keys(defaultCatalogue).filter((k) => k !== 'sosialisasi_zi' && k !== 'kompensasi_pelayanan'),
    );
    expect(validateCatalogue(result)).toEqual([]);
  });

  it('changes fields in place and keeps the rest of the template', () => {
    const original = findTemplate(defaultCatalogue, 'lakin_tepat_waktu');
    const result = catalogueOf(
      applyCatalogueOverrides(defaultCatalogue, {
        change: [{ key: 'lakin_tepat_waktu', title: 'LAKIN paling lambat Februari', due: { kind: 'at_stage_due' } }],
      }),
    );
    expect(keys(result)).toEqual(keys(defaultCatalogue));
    expect(findTemplate(result, 'lakin_tepat_waktu')).toEqual({
      ...original,
      title: 'LAKIN paling lambat Februari',
      due: { kind: 'at_stage_due' },
    });
  });

  it('replaces evidence as a whole rather than merging it', () => {
    const result = catalogueOf(
      applyCatalogueOverrides(smallCatalogue, {
        change: [{ key: 'opsional', evidence: { required: false, documents: [] } }],
      }),
    );
    expect(findTemplate(result, 'opsional')?.evidence).toEqual({ required: false, documents: [] });
  });

  it('sets, moves and removes the area; undefined fields leave a value alone', () => {
    const moved = catalogueOf(
      applyCatalogueOverrides(smallCatalogue, {
        change: [{ key: 'opsional', area: 'penataan_sdm', title: undefined }],
      }),
    );
    expect(findTemplate(moved, 'opsional')).toMatchObject({ area: 'penataan_sdm', title: 'Tugas opsional' });

    const removed = catalogueOf(applyCatalogueOverrides(smallCatalogue, { change: [{ key: 'opsional', area: null }] }));
    expect(findTemplate(removed, 'opsional')).not.toHaveProperty('area');
  });

  it('ignores fields a change may not touch', () => {
    const change = broken<{ key: string }>({ key: 'opsional', required: true, extra: 'x' });
    const result = catalogueOf(applyCatalogueOverrides(smallCatalogue, { change: [change] }));
    expect(findTemplate(result, 'opsional')).toEqual({ ...findTemplate(smallCatalogue, 'opsional'), required: true });
  });

  it('can move a template to another stage', () => {
    const result = catalogueOf(
      applyCatalogueOverrides(defaultCatalogue, { change: [{ key: 'pemutakhiran_simpeg', stage: 'monev' }] }),
    );
    expect(tasksForStage(result, 'monev').map((t) => t.key)).toContain('pemutakhiran_simpeg');
    expect(tasksForStage(result, 'pelaksanaan').map((t) => t.key)).not.toContain('pemutakhiran_simpeg');
  });

  it('appends added templates after the existing ones', () => {
    const added = template('apel_pagi_integritas', 'pelaksanaan', { area: 'manajemen_perubahan', required: false });
    const result = catalogueOf(applyCatalogueOverrides(defaultCatalogue, { add: [added] }));
    expect(keys(result)).toEqual([...keys(defaultCatalogue), 'apel_pagi_integritas']);
    expect(result.templates.at(-1)).toBe(added);
  });

  it('applies drop, change and add together', () => {
    const result = catalogueOf(
      applyCatalogueOverrides(smallCatalogue, {
        drop: ['opsional'],
        change: [{ key: 'wajib_monev', required: false }],
        add: [template('monev_triwulan', 'monev')],
      }),
    );
    expect(result.version).toBe('uji-1+custom');
    expect(keys(result)).toEqual([
      'wajib_persiapan',
      'wajib_pembentukan_tim',
      'wajib_pelaksanaan',
      'wajib_monev',
      'wajib_penilaian',
      'wajib_penghargaan',
      'monev_triwulan',
    ]);
    expect(requiredTasksForStage(result, 'monev').map((t) => t.key)).toEqual(['monev_triwulan']);
  });

  it('never edits the catalogue it was given', () => {
    const before = JSON.stringify(smallCatalogue);
    applyCatalogueOverrides(smallCatalogue, {
      drop: ['opsional'],
      change: [{ key: 'wajib_monev', title: 'Baru', area: 'penataan_sdm' }],
      add: [template('baru', 'monev')],
    });
    expect(JSON.stringify(smallCatalogue)).toBe(before);
  });

  it('suffixes the version once, even for a catalogue that is already custom', () => {
    expect(customVersion('zi-2026.1')).toBe('zi-2026.1+custom');
    expect(customVersion('zi-2026.1+custom')).toBe('zi-2026.1+custom');
    const once = catalogueOf(applyCatalogueOverrides(smallCatalogue, { drop: ['opsional'] }));
    const twice = catalogueOf(applyCatalogueOverrides(once, { change: [{ key: 'wajib_monev', title: 'Lagi' }] }));
    expect(twice.version).toBe('uji-1+custom');
  });

  it.each<[string, CatalogueOverrides, { path: string; message: RegExp }[]]>([
    [
      'dropping an unknown key',
      { drop: ['tidak_ada'] },
      [{ path: 'drop.0', message: /^templat "tidak_ada" yang akan dihapus tidak ada di katalog$/ }],
    ],
    [
      'dropping a key twice',
      { drop: ['opsional', 'opsional'] },
      [{ path: 'drop.1', message: /"opsional" disebutkan lebih dari sekali/ }],
    ],
    [
      'changing an unknown key',
      { change: [{ key: 'tidak_ada', title: 'x' }] },
      [{ path: 'change.0.key', message: /^templat "tidak_ada" yang akan diubah tidak ada di katalog$/ }],
    ],
    [
      'changing a key twice',
      {
        change: [
          { key: 'opsional', title: 'a' },
          { key: 'opsional', title: 'b' },
        ],
      },
      [{ path: 'change.1.key', message: /disebutkan lebih dari sekali/ }],
    ],
    [
      'dropping and changing the same key',
      { drop: ['opsional'], change: [{ key: 'opsional', title: 'x' }] },
      [{ path: 'change.0.key', message: /dihapus sekaligus diubah/ }],
    ],
    [
      'adding a key that exists',
      { add: [template('opsional', 'monev')] },
      [{ path: 'add.0.key', message: /^kunci "opsional" sudah ada di katalog; gunakan change$/ }],
    ],
    [
      'adding back a dropped key',
      { drop: ['opsional'], add: [template('opsional', 'monev')] },
      [{ path: 'add.0.key', message: /sudah ada di katalog/ }],
    ],
    [
      'adding the same key twice',
      { add: [template('baru', 'monev'), template('baru', 'penilaian')] },
      [{ path: 'add.1.key', message: /^kunci "baru" sudah ditambahkan di add\.0$/ }],
    ],
    [
      'adding an invalid template',
      { add: [template('baru', 'monev', { title: '', due: { kind: 'after_stage_opens', workingDays: -3 } })] },
      [
        { path: 'add.0.title', message: /judul wajib diisi/ },
        { path: 'add.0.due.workingDays', message: /tidak boleh negatif/ },
      ],
    ],
    [
      'adding a template with an unknown role',
      { add: [broken<TaskTemplate>({ ...template('baru', 'monev'), assigneeRole: 'sekretaris' })] },
      [{ path: 'add.0.assigneeRole', message: /"sekretaris" tidak dikenal/ }],
    ],
    [
      'changing a field to an invalid value',
      { change: [{ key: 'opsional', due: { kind: 'before_stage_due', workingDays: 1.5 } }] },
      [{ path: 'change.0.due.workingDays', message: /bilangan bulat/ }],
    ],
    [
      'changing evidence to required without documents',
      { change: [{ key: 'opsional', evidence: { required: true, documents: [] } }] },
      [{ path: 'change.0.evidence.documents', message: /tidak ada dokumen/ }],
    ],
    [
      'changing to an unknown stage',
      { change: [broken<{ key: string }>({ key: 'opsional', stage: 'lain' })] },
      [{ path: 'change.0.stage', message: /tahap "lain" tidak dikenal/ }],
    ],
    [
      'dropping the only required template of a stage',
      { drop: ['wajib_penghargaan'] },
      [{ path: 'stages.penghargaan', message: /^tahap Penghargaan tidak memiliki tugas wajib$/ }],
    ],
    [
      'making the only required template of a stage optional',
      { change: [{ key: 'wajib_persiapan', required: false }] },
      [{ path: 'stages.persiapan', message: /tidak memiliki tugas wajib/ }],
    ],
    [
      'moving the only required template out of its stage',
      { change: [{ key: 'wajib_monev', stage: 'penilaian' }] },
      [{ path: 'stages.monev', message: /tahap Monitoring dan Evaluasi tidak memiliki tugas wajib/ }],
    ],
  ])('reports %s', (_case, overrides, expected) => {
    expectIssues(errorsOf(applyCatalogueOverrides(smallCatalogue, overrides)), expected);
  });

  it('reports malformed entries instead of throwing', () => {
    const overrides = broken<CatalogueOverrides>({ drop: [7], change: [null, { title: 'tanpa kunci' }], add: [null] });
    expect(errorsOf(applyCatalogueOverrides(smallCatalogue, overrides))).toEqual([
      { path: 'drop.0', message: 'templat 7 yang akan dihapus tidak ada di katalog' },
      { path: 'change.0.key', message: 'templat null yang akan diubah tidak ada di katalog' },
      { path: 'change.1.key', message: 'templat null yang akan diubah tidak ada di katalog' },
      { path: 'add.0', message: 'templat harus berupa objek' },
    ]);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf(
      applyCatalogueOverrides(smallCatalogue, {
        drop: ['tidak_ada', 'wajib_penilaian'],
        change: [
          { key: 'hilang', title: 'x' },
          { key: 'opsional', reviewerRole: 'pengamat' },
        ],
        add: [template('wajib_monev', 'monev')],
      }),
    );
    expect(errors.map((error) => error.path)).toEqual([
      'drop.0',
      'change.0.key',
      'change.1.reviewerRole',
      'add.0.key',
      'stages.penilaian',
    ]);
  });

  it('keeps a valid override valid when applied to the default catalogue', () => {
    const result = catalogueOf(
      applyCatalogueOverrides(defaultCatalogue, {
        drop: ['profil_unit_kerja'],
        change: [{ key: 'submit_tim_kerja', due: { kind: 'after_stage_opens', workingDays: 10 } }],
        add: [template('apel_integritas', 'monev', { area: 'manajemen_perubahan', required: false })],
      }),
    );
    expect(validateCatalogue(result)).toEqual([]);
    expect(result.templates).toHaveLength(defaultCatalogue.templates.length);
  });

  it('refuses a base catalogue that was invalid to begin with', () => {
    const invalidBase = withTemplate(6, { title: '' });
    expectIssues(errorsOf(applyCatalogueOverrides(invalidBase, { drop: ['wajib_persiapan'] })), [
      { path: 'stages.persiapan', message: /tidak memiliki tugas wajib/ },
    ]);
    expectIssues(errorsOf(applyCatalogueOverrides(invalidBase, { add: [template('baru', 'monev')] })), [
      { path: 'templates.6.title', message: /judul wajib diisi/ },
    ]);
  });
});
