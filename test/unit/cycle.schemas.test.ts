import { cycleIdParams, launchCycleSchema } from '../../api/cycles/cycle.schemas';
import { launchBody } from '../fixtures/cycles';
import { launchRequest } from '../support/auth';

/** The launcher comes from the session, not the body. */
const validBody = () => launchRequest(launchBody());
const head = { name: 'Kepala', email: 'kepala@pemkot.test' };

function issuesOf(input: unknown) {
  const result = launchCycleSchema.body.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

const paths = (input: unknown) => issuesOf(input).map((issue) => issue.path.join('.'));

describe('launchCycleSchema.body', () => {
  it('accepts a valid body', () => {
    const result = launchCycleSchema.body.safeParse(validBody());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(validBody());
  });

  it('trims names and codes', () => {
    const body = validBody();
    body.name = '  Siklus 2026  ';
    body.units = [{ code: ' DPMPTSP ', name: ' Dinas PTSP ', head }];
    const parsed = launchCycleSchema.body.parse(body);
    expect(parsed.name).toBe('Siklus 2026');
    expect(parsed.units).toEqual([{ code: 'DPMPTSP', name: 'Dinas PTSP', head }]);
  });

  it('accepts the first and last allowed years', () => {
    expect(launchCycleSchema.body.safeParse({ ...validBody(), year: 2014 }).success).toBe(true);
    expect(launchCycleSchema.body.safeParse({ ...validBody(), year: 2100 }).success).toBe(true);
  });

  it.each([2013, 2101, 0, 2026.5])('rejects year %s', (year) => {
    expect(paths({ ...validBody(), year })).toEqual(['year']);
  });

  it('rejects a year given as a string', () => {
    expect(paths({ ...validBody(), year: '2026' })).toEqual(['year']);
  });

  it('rejects duplicate unit codes and names the code', () => {
    const body = validBody();
    body.units.push({ code: 'DISDUKCAPIL', name: 'Duplikat', head });
    const issues = issuesOf(body);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(['units']);
    expect(issues[0]?.message).toContain('DISDUKCAPIL');
  });

  it('reports each duplicated code once', () => {
    const body = validBody();
    body.units.push(
      { code: 'DISDUKCAPIL', name: 'Duplikat 1', head },
      { code: 'DISDUKCAPIL', name: 'Duplikat 2', head },
      { code: 'DPMPTSP', name: 'Duplikat 3', head },
    );
    const messages = issuesOf(body).map((issue) => issue.message);
    expect(messages).toHaveLength(2);
    expect(messages.filter((m) => m.includes('DISDUKCAPIL'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('DPMPTSP'))).toHaveLength(1);
  });

  it('treats codes that differ only by surrounding spaces as duplicates', () => {
    const body = validBody();
    body.units.push({ code: ' DPMPTSP ', name: 'Duplikat', head });
    expect(
      issuesOf(body)
        .map((issue) => issue.message)
        .join(),
    ).toContain('DPMPTSP');
  });

  it('rejects an empty unit list', () => {
    expect(paths({ ...validBody(), units: [] })).toEqual(['units']);
  });

  it.each(['DIS$DUK', '$where', 'DIS.DUK', 'DIS DUK', '-DISDUK', '', 'A'.repeat(65)])(
    'rejects unit code %j',
    (code) => {
      const body = validBody();
      body.units[1] = { code, name: 'Unit', head };
      expect(paths(body)).toEqual(['units.1.code']);
    },
  );

  it.each(['A', 'DIS-DUK_2', 'a'.repeat(64)])('accepts unit code %j', (code) => {
    const body = validBody();
    body.units[1] = { code, name: 'Unit', head };
    expect(launchCycleSchema.body.safeParse(body).success).toBe(true);
  });

  it('rejects unknown keys at every level', () => {
    const issues = issuesOf({
      ...validBody(),
      status: 'launched',
      units: [{ code: 'A', name: 'Unit', head, term: 'x' }],
      assessors: [{ name: 'Inspektorat', email: 'tpi@pemkot.test', role: 'admin' }],
    });
    const unknown = issues
      .filter((issue) => issue.code === 'unrecognized_keys')
      .flatMap((issue) =>
        issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [],
      );
    expect(unknown.sort()).toEqual(['assessors.0.role', 'status', 'units.0.term']);
    expect(issues).toHaveLength(3);
  });

  it('rejects a unit without its head (pimpinan), who answers for its first tasks', () => {
    const body = validBody();
    const { head: _head, ...headless } = body.units[0]!;
    expect(paths({ ...body, units: [headless] })).toEqual(['units.0.head']);
  });

  it('names the field of a timeline, catalogue, policy or monev problem found by the domain rules', () => {
    const timeline = Object.fromEntries(
      ['persiapan', 'pembentukan_tim', 'pelaksanaan', 'monev', 'penilaian', 'penghargaan'].map((stage) => [
        stage,
        { opens: '2026-03-02', due: '2026-12-30' },
      ]),
    );
    timeline.pelaksanaan = { opens: '2026-05-02', due: '2026-04-30' };
    expect(paths({ ...validBody(), timeline })).toContain('timeline.pelaksanaan.due');
    expect(paths({ ...validBody(), catalogue: { drop: ['tidak_ada'] } })).toEqual(['catalogue.drop.0']);
    expect(paths({ ...validBody(), monev: { kind: 'every_working_days', workingDays: 1 } })).toEqual([
      'monev.workingDays',
    ]);
    expect(paths({ ...validBody(), zone: 'UTC' })).toEqual(['zone']);
  });

  it('rejects a short name, an invalid email and missing fields', () => {
    expect(paths({ ...validBody(), name: ' ab ' })).toEqual(['name']);
    expect(paths({ ...validBody(), assessors: [{ name: 'X', email: 'not-an-email' }] })).toEqual(['assessors.0.email']);
    expect(paths({}).sort()).toEqual(['name', 'units', 'year']);
    // Naming a launcher is refused: who launches is whoever is signed in.
    expect(paths({ ...validBody(), launchedBy: { name: 'X', email: 'x@pemkot.test' } })).toEqual(['']);
  });
});

describe('cycleIdParams', () => {
  it('accepts a cycle id and trims it', () => {
    expect(cycleIdParams.params.parse({ id: ' 2026-1a2b3c4d ' })).toEqual({ id: '2026-1a2b3c4d' });
  });

  it.each(['2026.abc', '$2026', '2026 abc', ''])('rejects id %j', (id) => {
    expect(cycleIdParams.params.safeParse({ id }).success).toBe(false);
  });

  it('rejects a missing id and unknown params', () => {
    expect(cycleIdParams.params.safeParse({}).success).toBe(false);
    expect(cycleIdParams.params.safeParse({ id: '2026-abc', extra: 'x' }).success).toBe(false);
  });
});
