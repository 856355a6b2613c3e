/**
 * Readable checks of a catalogue. Values may come from JSON (overrides sent by Bagian Organisasi), so every field
 * is checked at run time even where the type already promises it. Messages are in Bahasa Indonesia, like the API's.
 */
import { isAreaCode } from '../areas';
import { canWorkOnTasks, isRoleCode, roleLabels } from '../roles';
import { isStageCode, stageCodes, stageLabels } from '../stages';
import type { CatalogueIssue, TaskCatalogue, TaskTemplate } from './types';

export const templateKeyPattern = /^[a-z0-9_]+$/;
/** Keys become part of workflow ids and database keys. */
export const maxKeyLength = 64;
export const maxTitleLength = 200;
export const maxDescriptionLength = 2000;
export const maxDocumentNameLength = 200;
/** About one year of working days: a larger offset can only be a typo. */
export const maxWorkingDays = 250;

/** Every problem in the catalogue (empty means valid): version, each template, duplicate keys, stage coverage. */
export function validateCatalogue(catalogue: TaskCatalogue): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  if (typeof catalogue.version !== 'string' || catalogue.version.trim() === '') {
    issues.push({ path: 'version', message: 'versi katalog wajib diisi' });
  }
  if (!Array.isArray(catalogue.templates)) {
    issues.push({ path: 'templates', message: 'daftar templat harus berupa larik' });
    return issues;
  }
  catalogue.templates.forEach((template, index) => issues.push(...templateIssues(template, `templates.${index}`)));
  issues.push(...duplicateKeyIssues(catalogue.templates));
  issues.push(...stageCoverageIssues(catalogue.templates));
  return issues;
}

/** Problems in one template on its own; `path` prefixes every issue (`templates.3`, `add.0`). */
export function templateIssues(template: TaskTemplate, path: string): CatalogueIssue[] {
  if (typeof template !== 'object' || template === null) {
    return [{ path, message: 'templat harus berupa objek' }];
  }
  const issues: CatalogueIssue[] = [];
  const at = (field: string, message: string) => issues.push({ path: `${path}.${field}`, message });

  if (typeof template.key !== 'string' || !templateKeyPattern.test(template.key)) {
    at('key', `kunci ${JSON.stringify(template.key)} hanya boleh berisi huruf kecil, angka dan _`);
  } else if (template.key.length > maxKeyLength) {
    at('key', `kunci lebih dari ${maxKeyLength} karakter`);
  }
  checkText(template.title, maxTitleLength, 'judul', (message) => at('title', message));
  checkText(template.description, maxDescriptionLength, 'deskripsi', (message) => at('description', message));
  if (!isStageCode(template.stage)) at('stage', `tahap ${JSON.stringify(template.stage)} tidak dikenal`);
  if (template.area !== undefined && !isAreaCode(template.area)) {
    at('area', `area ${JSON.stringify(template.area)} tidak dikenal`);
  }
  for (const field of ['assigneeRole', 'reviewerRole'] as const) {
    const role: unknown = template[field];
    if (!isRoleCode(role)) at(field, `peran ${JSON.stringify(role)} tidak dikenal`);
    else if (!canWorkOnTasks(role)) at(field, `peran ${roleLabels[role]} hanya dapat melihat, tidak mengerjakan tugas`);
  }
  if (typeof template.required !== 'boolean') at('required', 'required harus bernilai true atau false');
  issues.push(...evidenceIssues(template.evidence, `${path}.evidence`));
  issues.push(...dueRuleIssues(template.due, `${path}.due`));
  return issues;
}

function checkText(value: unknown, maxLength: number, what: string, report: (message: string) => void): void {
  if (typeof value !== 'string' || value.trim() === '') report(`${what} wajib diisi`);
  else if (value.length > maxLength) report(`${what} lebih dari ${maxLength} karakter`);
}

function evidenceIssues(evidence: TaskTemplate['evidence'], path: string): CatalogueIssue[] {
  if (typeof evidence !== 'object' || evidence === null) {
    return [{ path, message: 'ketentuan data dukung wajib diisi' }];
  }
  const issues: CatalogueIssue[] = [];
  if (typeof evidence.required !== 'boolean') {
    issues.push({ path: `${path}.required`, message: 'required harus bernilai true atau false' });
  }
  if (!Array.isArray(evidence.documents)) {
    issues.push({ path: `${path}.documents`, message: 'daftar dokumen harus berupa larik' });
    return issues;
  }
  if (evidence.required === true && evidence.documents.length === 0) {
    issues.push({ path: `${path}.documents`, message: 'data dukung wajib tetapi tidak ada dokumen yang disebutkan' });
  }
  const seen = new Set<string>();
  evidence.documents.forEach((document: unknown, index) => {
    const documentPath = `${path}.documents.${index}`;
    if (typeof document !== 'string' || document.trim() === '') {
      issues.push({ path: documentPath, message: 'nama dokumen wajib diisi' });
    } else if (document.length > maxDocumentNameLength) {
      issues.push({ path: documentPath, message: `nama dokumen lebih dari ${maxDocumentNameLength} karakter` });
    } else if (seen.has(document)) {
      issues.push({ path: documentPath, message: `dokumen "${document}" disebutkan lebih dari sekali` });
    } else {
      seen.add(document);
    }
  });
  return issues;
}

function dueRuleIssues(due: TaskTemplate['due'], path: string): CatalogueIssue[] {
  if (typeof due !== 'object' || due === null) return [{ path, message: 'aturan tenggat wajib diisi' }];
  switch (due.kind) {
    case 'at_stage_due':
      return [];
    case 'after_stage_opens':
    case 'before_stage_due':
      return workingDaysIssues(due.workingDays, `${path}.workingDays`);
    default: {
      // Unreachable for typed input; JSON input can still carry any kind.
      const unknownRule: never = due;
      const kind = (unknownRule as { kind?: unknown }).kind;
      return [{ path: `${path}.kind`, message: `jenis tenggat ${JSON.stringify(kind)} tidak dikenal` }];
    }
  }
}

function workingDaysIssues(workingDays: unknown, path: string): CatalogueIssue[] {
  if (typeof workingDays !== 'number' || !Number.isInteger(workingDays)) {
    return [{ path, message: 'jumlah hari kerja harus bilangan bulat' }];
  }
  if (workingDays < 0) return [{ path, message: `jumlah hari kerja tidak boleh negatif (${workingDays})` }];
  if (workingDays > maxWorkingDays) {
    return [{ path, message: `jumlah hari kerja lebih dari ${maxWorkingDays} (${workingDays})` }];
  }
  return [];
}

/** Each repeated key is reported at every occurrence after the first, naming where it was first used. */
function duplicateKeyIssues(templates: readonly TaskTemplate[]): CatalogueIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: CatalogueIssue[] = [];
  templates.forEach((template, index) => {
    if (typeof template !== 'object' || template === null || typeof template.key !== 'string') return;
    const first = firstIndex.get(template.key);
    if (first === undefined) firstIndex.set(template.key, index);
    else {
      issues.push({
        path: `templates.${index}.key`,
        message: `kunci "${template.key}" sudah dipakai oleh templat ke-${first}`,
      });
    }
  });
  return issues;
}

/**
 * Every stage needs at least one required template: the lifecycle leaves a stage when all its required tasks are
 * approved, so a stage without one would be passed without any work shown.
 */
export function stageCoverageIssues(templates: readonly TaskTemplate[]): CatalogueIssue[] {
  return stageCodes
    .filter(
      (stage) =>
        !templates.some(
          (template) => typeof template === 'object' && template?.stage === stage && template.required === true,
        ),
    )
    .map((stage) => ({ path: `stages.${stage}`, message: `tahap ${stageLabels[stage]} tidak memiliki tugas wajib` }));
}
