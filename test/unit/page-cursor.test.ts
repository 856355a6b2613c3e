import { afterKey, decodeCursor, encodeCursor, escapeRegex, pageOf } from '../../api/page';
import { HttpProblem } from '../../api/problem';
import { listNotificationsSchema } from '../../api/notifications/notification.schemas';
import { auditQuerySchema } from '../../api/audit/audit.schemas';

describe('page cursors', () => {
  it('round-trips a sort key, dates included', () => {
    const at = new Date('2026-03-16T09:00:00.000Z');
    const cursor = encodeCursor([at.toISOString(), 'tugas:2026-a:DINKES:k#3']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['date', 'string'] as const)).toEqual([at, 'tugas:2026-a:DINKES:k#3']);
  });

  it.each([
    ['not base64 json', 'bm90IGpzb24'],
    ['wrong length', encodeCursor(['a'])],
    ['an object where a string belongs', Buffer.from('[{"$gt":""},"x"]').toString('base64url')],
    ['not a date', encodeCursor(['kemarin', 'x'])],
  ])('answers 400 naming query.cursor for %s', (_case, cursor) => {
    try {
      decodeCursor(cursor, ['date', 'string'] as const);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
      expect((error as HttpProblem).extras.errors).toEqual([{ field: 'query.cursor', message: 'kursor tidak valid' }]);
    }
  });

  it('cuts a page and points past its last item only when more exist', () => {
    const key = (n: number) => [String(n)];
    expect(pageOf([1, 2, 3], 2, key, (n) => n * 10)).toEqual({ items: [10, 20], nextCursor: encodeCursor(['2']) });
    expect(pageOf([1, 2], 2, key, (n) => n)).toEqual({ items: [1, 2], nextCursor: null });
    expect(pageOf([], 2, key, (n) => n)).toEqual({ items: [], nextCursor: null });
  });

  it('continues strictly after the cursor, ties broken by _id', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(afterKey('at', at, 'b', 1)).toEqual({ $or: [{ at: { $gt: at } }, { at, _id: { $gt: 'b' } }] });
    expect(afterKey('createdAt', at, 'b', -1)).toEqual({
      $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: 'b' } }],
    });
  });

  it('escapes search text so it matches itself', () => {
    const pattern = new RegExp(escapeRegex('a.b (c)*'), 'i');
    expect(pattern.test('x A.B (C)* y')).toBe(true);
    expect(pattern.test('aXb (c)')).toBe(false);
  });
});

describe('list query schemas', () => {
  it('reads a comma list of delivery statuses and a page size', () => {
    expect(listNotificationsSchema.query.parse({ status: 'failed, retrying', limit: '20' })).toEqual({
      status: ['failed', 'retrying'],
      limit: 20,
    });
  });

  it.each([{ status: 'failed,lost' }, { limit: '0' }, { limit: '201' }, { from: 'kemarin' }, { extra: 'x' }])(
    'refuses %j',
    (query) => {
      expect(listNotificationsSchema.query.safeParse(query).success).toBe(false);
    },
  );

  it('asks for exactly one audit subject', () => {
    expect(auditQuerySchema.query.safeParse({ task: 'tugas:2026-a:DINKES:k' }).success).toBe(true);
    expect(auditQuerySchema.query.safeParse({ person: 'Ani@Pemkot.go.id' }).data).toEqual({
      person: 'ani@pemkot.go.id',
    });
    expect(auditQuerySchema.query.safeParse({}).success).toBe(false);
    expect(auditQuerySchema.query.safeParse({ cycle: '2026-a', unit: 'DINKES' }).success).toBe(false);
    expect(auditQuerySchema.query.safeParse({ cycle: { $ne: '' } }).success).toBe(false);
  });
});
