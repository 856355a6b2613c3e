import { randomUUID } from 'node:crypto';
import { createCycleCatalogueActivities } from '../../activities/cycle-catalogues';
import { defaultCatalogue, type TaskCatalogue } from '../../domain/catalogue';
import { useTestStack } from '../support/stack';

const stack = useTestStack();

/**
 * The catalogue a cycle stores for its units to load, against the real MongoDB-wire server: it must come back exactly
 * as launched, and a retried store must never replace it (a unit that loaded it already works from it).
 */
const activities = () => createCycleCatalogueActivities(stack().models);
const cycleId = () => `siklus-katalog-${randomUUID()}`;

it('gives back exactly the catalogue the cycle stored', async () => {
  const id = cycleId();
  await activities().storeCycleCatalogue({ cycleId: id, catalogue: defaultCatalogue });

  expect(await activities().cycleCatalogue(id)).toEqual(defaultCatalogue);
});

it('keeps the first catalogue when a store is retried, even at the same moment, or given another', async () => {
  const id = cycleId();
  const other: TaskCatalogue = { version: 'lain', templates: defaultCatalogue.templates.slice(0, 1) };
  await Promise.all(
    Array.from({ length: 5 }, () => activities().storeCycleCatalogue({ cycleId: id, catalogue: defaultCatalogue })),
  );
  await activities().storeCycleCatalogue({ cycleId: id, catalogue: other });

  expect(await stack().models.CycleCatalogue.countDocuments({ _id: id })).toBe(1);
  expect((await activities().cycleCatalogue(id)).version).toBe(defaultCatalogue.version);
});

it('fails, for Temporal to retry, when the cycle stored none', async () => {
  await expect(activities().cycleCatalogue(cycleId())).rejects.toThrow(/has no stored catalogue/);
});
