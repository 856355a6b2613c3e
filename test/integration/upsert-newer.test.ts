import { randomUUID } from 'node:crypto';
import { upsertNewer, upsertNewerMany } from '../../activities/models/upsert-newer';
import { useTestStack } from '../support/stack';

const stack = useTestStack();

/**
 * Read-model writes guarded by `seq` against the real MongoDB-wire server: a retried activity's older write never
 * overwrites a newer state, whether it writes one task or a unit's whole stage at once.
 */
const task = (label: string) => `tugas:${randomUUID()}:${label}`;
const titleOf = async (id: string) => (await stack().models.Task.findById(id, { title: 1, seq: 1 }).lean()) ?? null;

it('writes one document unless a newer state is stored', async () => {
  const { Task } = stack().models;
  const id = task('profil');

  expect(await upsertNewer(Task, id, 2, { $set: { title: 'kedua', seq: 2 } })).toBe('saved');
  expect(await upsertNewer(Task, id, 1, { $set: { title: 'pertama', seq: 1 } })).toBe('stale');
  expect(await titleOf(id)).toMatchObject({ title: 'kedua', seq: 2 });
});

it('writes many documents in one call, leaving each one stored newer as it is', async () => {
  const { Task } = stack().models;
  const [newer, older, absent] = [task('newer'), task('older'), task('absent')];
  await upsertNewer(Task, newer, 3, { $set: { title: 'tersimpan 3', seq: 3 } });
  await upsertNewer(Task, older, 1, { $set: { title: 'tersimpan 1', seq: 1 } });

  const outcomes = await upsertNewerMany(Task, [
    { id: newer, seq: 2, update: { $set: { title: 'tulis 2', seq: 2 } } },
    { id: older, seq: 2, update: { $set: { title: 'tulis 2', seq: 2 } } },
    { id: absent, seq: 1, update: { $set: { title: 'tulis 1', seq: 1 } } },
  ]);

  expect(outcomes).toEqual(['stale', 'saved', 'saved']);
  expect(await titleOf(newer)).toMatchObject({ title: 'tersimpan 3', seq: 3 });
  expect(await titleOf(older)).toMatchObject({ title: 'tulis 2', seq: 2 });
  expect(await titleOf(absent)).toMatchObject({ title: 'tulis 1', seq: 1 });
});

it('reports every stale document when several are', async () => {
  const { Task } = stack().models;
  const ids = [task('a'), task('b')];
  for (const id of ids) await upsertNewer(Task, id, 5, { $set: { title: 'baru', seq: 5 } });

  const outcomes = await upsertNewerMany(
    Task,
    ids.map((id) => ({ id, seq: 4, update: { $set: { title: 'lama', seq: 4 } } })),
  );

  expect(outcomes).toEqual(['stale', 'stale']);
  for (const id of ids) expect(await titleOf(id)).toMatchObject({ title: 'baru', seq: 5 });
});

it('writes nothing for no documents', async () => {
  expect(await upsertNewerMany(stack().models.Task, [])).toEqual([]);
});
