/**
 * Per-cycle changes to a catalogue: Bagian Organisasi may add, drop or change templates when it launches a cycle.
 */
import type {
  CatalogueIssue,
  CatalogueOverrides,
  OverrideResult,
  TaskCatalogue,
  TaskTemplate,
  TemplateChange,
} from './types';
import { stageCoverageIssues, templateIssues, validateCatalogue } from './validate';

export const customVersionSuffix = '+custom';

/** Fields a change may replace; anything else in a change object (from JSON) is ignored. */
const changeableFields = [
  'title',
  'description',
  'stage',
  'assigneeRole',
  'reviewerRole',
  'evidence',
  'required',
  'due',
] as const satisfies readonly (keyof TaskTemplate)[];

/**
 * Applies overrides: drops first, then changes in place (catalogue order kept), then appends additions.
 * Returns the new catalogue, its version suffixed with `+custom`, or every problem found, each pointing at the
 * override that caused it (`drop.1`, `change.0.due.workingDays`, `add.2.key`). Rules:
 * - a key to drop or change must exist in the catalogue, and be listed once;
 * - a key may not be both dropped and changed;
 * - an added key must be new (to replace a template, change it; or drop it and add one under a new key);
 * - every added and changed template must be valid on its own;
 * - every stage must keep at least one required template (see `stageCoverageIssues`).
 * Overrides with nothing in them return the catalogue unchanged, version included.
 */
export function applyCatalogueOverrides(catalogue: TaskCatalogue, overrides: CatalogueOverrides): OverrideResult {
  const add = overrides.add ?? [];
  const drop = overrides.drop ?? [];
  const change = overrides.change ?? [];
  if (add.length === 0 && drop.length === 0 && change.length === 0) return { ok: true, catalogue };

  const existingKeys = new Set(catalogue.templates.map((template) => template.key));
  const errors: CatalogueIssue[] = [
    ...keyListIssues(drop, (index) => `drop.${index}`, existingKeys, 'dihapus'),
    ...keyListIssues(change.map(keyOf), (index) => `change.${index}.key`, existingKeys, 'diubah'),
  ];
  const dropped = new Set(drop);
  const changesByKey = new Map<string, { entry: TemplateChange; index: number }>();
  change.forEach((entry, index) => {
    const key = keyOf(entry);
    if (key === undefined) return;
    if (dropped.has(key)) {
      errors.push({ path: `change.${index}.key`, message: `templat "${key}" dihapus sekaligus diubah` });
    }
    changesByKey.set(key, { entry, index });
  });

  const kept: TaskTemplate[] = [];
  for (const template of catalogue.templates) {
    if (dropped.has(template.key)) continue;
    const found = changesByKey.get(template.key);
    if (!found) {
      kept.push(template);
      continue;
    }
    const changed = applyChange(template, found.entry);
    errors.push(...templateIssues(changed, `change.${found.index}`));
    kept.push(changed);
  }

  const addedKeys = new Map<string, number>();
  add.forEach((template, index) => {
    errors.push(...templateIssues(template, `add.${index}`));
    const key = keyOf(template);
    if (key === undefined) return;
    const first = addedKeys.get(key);
    if (existingKeys.has(key)) {
      errors.push({ path: `add.${index}.key`, message: `kunci "${key}" sudah ada di katalog; gunakan change` });
    } else if (first !== undefined) {
      errors.push({ path: `add.${index}.key`, message: `kunci "${key}" sudah ditambahkan di add.${first}` });
    } else {
      addedKeys.set(key, index);
    }
  });

  const templates = [...kept, ...add];
  errors.push(...stageCoverageIssues(templates));
  if (errors.length > 0) return { ok: false, errors };

  const result: TaskCatalogue = { version: customVersion(catalogue.version), templates };
  // Safety net: catches a base catalogue that was invalid to begin with.
  const remaining = validateCatalogue(result);
  return remaining.length > 0 ? { ok: false, errors: remaining } : { ok: true, catalogue: result };
}

/** `zi-2026.1` → `zi-2026.1+custom`; a version that is already custom keeps a single suffix. */
export function customVersion(version: string): string {
  return version.endsWith(customVersionSuffix) ? version : `${version}${customVersionSuffix}`;
}

function keyListIssues(
  keys: readonly (string | undefined)[],
  pathOf: (index: number) => string,
  existingKeys: ReadonlySet<string>,
  verb: string,
): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (key === undefined || !existingKeys.has(key)) {
      issues.push({
        path: pathOf(index),
        message: `templat ${JSON.stringify(key ?? null)} yang akan ${verb} tidak ada di katalog`,
      });
    } else if (seen.has(key)) {
      issues.push({ path: pathOf(index), message: `templat "${key}" disebutkan lebih dari sekali` });
    } else {
      seen.add(key);
    }
  });
  return issues;
}

/** The key of a template or change that may have come from JSON in any shape. */
function keyOf(value: { readonly key: string } | null | undefined): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return typeof value.key === 'string' ? value.key : undefined;
}

function applyChange(template: TaskTemplate, change: TemplateChange): TaskTemplate {
  const changed: Record<string, unknown> = { ...template };
  for (const field of changeableFields) {
    if (change[field] !== undefined) changed[field] = change[field];
  }
  if (change.area === null) delete changed.area;
  else if (change.area !== undefined) changed.area = change.area;
  return changed as unknown as TaskTemplate;
}
