import { HttpProblem } from '../../api/problem';
import { decodeCursor, encodeCursor, inboxFilter, mineClauses } from '../../api/tasks/task-inbox';
import { inboxQuery } from '../../api/tasks/task.schemas';
import type { Principal } from '../../domain/access';

const now = new Date('2026-03-10T03:00:00.000Z');
const anggota: Principal = {
  personId: 'ani@pemkot.test',
  name: 'Ani',
  email: 'ani@pemkot.test',
  grants: [
    { role: 'anggota_tim', unitCode: 'DISDUKCAPIL' },
    { role: 'ketua_tim', unitCode: 'DPMPTSP' },
  ],
};
const admin: Principal = {
  personId: 'org@pemkot.test',
  name: 'Org',
  email: 'org@pemkot.test',
  grants: [{ role: 'admin_organisasi' }],
};

const parse = (query: Record<string, string>) => inboxQuery.parse(query);
const filterOf = (query: Record<string, string>, principal = anggota, substituting: string[] = []) =>
  inboxFilter(parse(query), { principal, now, substituting }) as { $and: Record<string, unknown>[] };

describe('the inbox query', () => {
  it('defaults to my tasks, and names a bad value by its field', () => {
    expect(parse({})).toEqual({ scope: 'mine' });
    expect(parse({ status: 'open,claimed', limit: '20', overdue: 'false' })).toMatchObject({
      status: ['open', 'claimed'],
      limit: 20,
      overdue: false,
    });
    const bad = inboxQuery.safeParse({ status: 'open,done', limit: '500', dueBefore: '2026-02-30', sort: 'x' });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((issue) =>
      (issue.code === 'unrecognized_keys' ? issue.keys : issue.path).join('.'),
    );
    expect(fields.sort()).toEqual(['dueBefore', 'limit', 'sort', 'status']);
  });
});

describe('the inbox filter', () => {
  it('only ever looks into the units the person holds a grant in', () => {
    expect(filterOf({ scope: 'unit' }).$and).toEqual([{ unitCode: { $in: ['DISDUKCAPIL', 'DPMPTSP'] } }]);
    // An instansi-wide grant sees every unit: no unit condition at all.
    expect(inboxFilter(parse({ scope: 'unit' }), { principal: admin, now, substituting: [] })).toEqual({});
    const nobody = { ...anggota, grants: [] };
    expect(filterOf({ scope: 'unit' }, nobody).$and).toEqual([{ unitCode: { $in: [] } }]);
  });

  it('mine: named, claimed, open to my role in its unit, waiting for my review, and the people I substitute', () => {
    const clauses = mineClauses({ principal: anggota, substituting: ['budi@pemkot.test'] });
    expect(clauses).toEqual([
      { assignees: 'ani@pemkot.test' },
      { claimedBy: 'ani@pemkot.test' },
      { unitCode: 'DISDUKCAPIL', status: 'open', assignees: { $size: 0 }, assigneeRole: { $in: ['anggota_tim'] } },
      {
        unitCode: 'DISDUKCAPIL',
        status: 'submitted',
        reviewerRole: { $in: ['anggota_tim'] },
        claimedBy: { $ne: 'ani@pemkot.test' },
      },
      { unitCode: 'DPMPTSP', status: 'open', assignees: { $size: 0 }, assigneeRole: { $in: ['ketua_tim'] } },
      {
        unitCode: 'DPMPTSP',
        status: 'submitted',
        reviewerRole: { $in: ['ketua_tim'] },
        claimedBy: { $ne: 'ani@pemkot.test' },
      },
      { assignees: { $in: ['budi@pemkot.test'] } },
      { claimedBy: { $in: ['budi@pemkot.test'] } },
    ]);
    // Instansi-wide roles hold in every unit.
    expect(mineClauses({ principal: admin, substituting: [] })).toContainEqual({
      status: 'open',
      assignees: { $size: 0 },
      assigneeRole: { $in: ['admin_organisasi'] },
    });
  });

  it('reads whole WIB days for dates and exact instants otherwise', () => {
    expect(filterOf({ scope: 'unit', dueAfter: '2026-03-16', dueBefore: '2026-03-20' }).$and.slice(1)).toEqual([
      { due: { $gte: new Date('2026-03-15T17:00:00.000Z') } },
      { due: { $lt: new Date('2026-03-20T17:00:00.000Z') } },
    ]);
    expect(filterOf({ scope: 'unit', dueBefore: '2026-03-20T09:00:00+07:00' }).$and[1]).toEqual({
      due: { $lte: new Date('2026-03-20T02:00:00.000Z') },
    });
  });

  it('overdue means unfinished and past due now; not overdue is the rest', () => {
    const [, overdue] = filterOf({ scope: 'unit', overdue: 'true' }).$and;
    expect(overdue).toEqual({ status: { $nin: ['approved', 'cancelled'] }, due: { $lt: now } });
    const [, notOverdue] = filterOf({ scope: 'unit', overdue: 'false' }).$and;
    expect(notOverdue).toEqual({
      $or: [{ status: { $in: ['approved', 'cancelled'] } }, { due: { $gte: now } }, { due: null }],
    });
    expect(filterOf({ scope: 'unit', noDue: 'true' }).$and[1]).toEqual({ due: null });
  });

  it('continues after the cursor on (due, _id), never skipping a task that shares the due date', () => {
    const due = new Date('2026-03-16T09:00:00.000Z');
    const cursor = encodeCursor({ due, id: 'tugas:2026-a:UNIT:kunci' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(filterOf({ scope: 'unit', cursor }).$and[1]).toEqual({
      $or: [{ due: { $gt: due } }, { due, _id: { $gt: 'tugas:2026-a:UNIT:kunci' } }],
    });
    const fromNoDue = encodeCursor({ due: null, id: 'tugas:2026-a:UNIT:kunci' });
    expect(decodeCursor(fromNoDue)).toEqual({ due: null, id: 'tugas:2026-a:UNIT:kunci' });
  });

  it.each([
    ['not base64 JSON', 'bm90LWpzb24'],
    ['a wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['an id that is not a task id', Buffer.from('[null,"$where"]').toString('base64url')],
    ['a bad date', Buffer.from('["kemarin","tugas:a:b:c"]').toString('base64url')],
  ])('refuses a cursor with %s as 400 naming query.cursor', (_what, cursor) => {
    try {
      decodeCursor(cursor);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect(error).toMatchObject({ status: 400, extras: { errors: [{ field: 'query.cursor' }] } });
    }
  });
});
