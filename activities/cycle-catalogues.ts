import type { TaskCatalogue } from '../domain/catalogue';
import type { CycleCatalogueModel } from './models/cycle-catalogue.model';
import { isDuplicateKey } from './models/upsert-newer';

/** Where a cycle keeps its catalogue for its units (see models/cycle-catalogue.model.ts). */
export function createCycleCatalogueActivities(deps: { CycleCatalogue: CycleCatalogueModel }) {
  const { CycleCatalogue } = deps;
  return {
    /** Stores the cycle's catalogue once; a retry, or a second store, keeps the first. */
    async storeCycleCatalogue(input: { cycleId: string; catalogue: TaskCatalogue }): Promise<void> {
      try {
        await CycleCatalogue.updateOne(
          { _id: input.cycleId },
          { $setOnInsert: { catalogueJson: JSON.stringify(input.catalogue) } },
          { upsert: true },
        );
      } catch (error) {
        // Two attempts upserting at once: the other one stored it.
        if (!isDuplicateKey(error)) throw error;
      }
    },

    /**
     * The catalogue the cycle stored. Missing, it is an error to retry rather than a failed unit: the cycle stores it
     * before it starts any unit, so only a lost write (a restored database) leaves it missing, and storing it again
     * lets the units go on.
     */
    async cycleCatalogue(cycleId: string): Promise<TaskCatalogue> {
      const stored = await CycleCatalogue.findById(cycleId, { catalogueJson: 1 }).lean();
      if (!stored) throw new Error(`cycle ${cycleId} has no stored catalogue`);
      return JSON.parse(stored.catalogueJson) as TaskCatalogue;
    },
  };
}
