/** The task catalogue (rencana aksi): types, the default catalogue, validation, per-cycle overrides, lookups. */
export * from './types';
export { defaultCatalogue, defaultCatalogueVersion } from './default';
export {
  validateCatalogue,
  templateKeyPattern,
  maxKeyLength,
  maxTitleLength,
  maxDescriptionLength,
  maxDocumentNameLength,
  maxWorkingDays,
} from './validate';
export { applyCatalogueOverrides, customVersion, customVersionSuffix } from './overrides';
export { tasksForStage, requiredTasksForStage, findTemplate } from './queries';
