import type { AuditEventModel } from '../../activities/models/audit-event.model';
import type { LkeTemplateDocument, LkeTemplateModel } from '../../activities/models/lke-template.model';
import type { Principal } from '../../domain/access';
import { defaultLkeTemplate, validateTemplate, type LkeTemplate } from '../../domain/lke';
import { requireEverywhere } from '../access';
import { recordChange } from '../audit-trail';
import { badRequest, conflict, notFound } from '../problem';

export interface LkeTemplateSummary {
  id: string;
  name: string;
  year: number;
  version: string;
  /** Shipped with the code (the default template); never stored, never replaced. */
  builtIn: boolean;
  publishedBy?: string;
  publishedAt?: string;
  /** Cycles that assess with it. */
  usedBy: string[];
}

export interface LkeTemplateView extends LkeTemplateSummary {
  template: LkeTemplate;
}

const builtInTemplates: readonly LkeTemplate[] = [defaultLkeTemplate];
const builtInById = new Map(builtInTemplates.map((template) => [template.id, template]));

const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;
const republished = (id: string) =>
  conflict(`Templat LKE ${id} sudah ada dan tidak dapat diubah; terbitkan versi baru dengan id lain`);

/**
 * LKE templates as data: the default ships with the code under its own id; Bagian Organisasi publishes the next
 * year's (or a corrected) template under a new id. Published templates are immutable: there is no update, and a
 * score or workbook always names the id of the rules it used.
 */
export class LkeTemplateService {
  constructor(private readonly deps: { LkeTemplate: LkeTemplateModel; AuditEvent: AuditEventModel; now: () => Date }) {}

  /** Every template, newest year first; the built-in ones included. */
  async list(): Promise<LkeTemplateSummary[]> {
    const stored = await this.deps.LkeTemplate.find({}, { template: 0 }).sort({ year: -1, _id: 1 }).lean();
    const all = [...builtInTemplates.map(builtInSummary), ...stored.map(storedSummary)];
    return all.sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<LkeTemplateView> {
    const builtIn = builtInById.get(id);
    if (builtIn) return { ...builtInSummary(builtIn), template: builtIn };
    const stored = await this.deps.LkeTemplate.findById(id).lean();
    if (!stored) throw notFound(`Templat LKE ${id}`);
    return { ...storedSummary(stored), template: stored.template };
  }

  /** The template with this id, or undefined: for scoring, where an unknown id is the caller's field error. */
  async find(id: string): Promise<LkeTemplate | undefined> {
    const builtIn = builtInById.get(id);
    if (builtIn) return builtIn;
    const stored = await this.deps.LkeTemplate.findById(id, { template: 1 }).lean();
    return stored?.template;
  }

  /** Checks the template as scoring will use it (weights must add up) and stores it once; 409 for a used id. */
  async publish(principal: Principal, template: LkeTemplate): Promise<LkeTemplateView> {
    requireEverywhere(principal, 'lke.publish');
    const issues = validateTemplate(template);
    if (issues.length > 0) {
      throw badRequest(
        issues.map((issue) => ({ field: issue.path ? `body.${issue.path}` : 'body', message: issue.message })),
      );
    }
    if (builtInById.has(template.id)) throw republished(template.id);

    let created: LkeTemplateDocument;
    try {
      created = (
        await this.deps.LkeTemplate.create({
          _id: template.id,
          name: template.name,
          year: template.year,
          version: template.version,
          template,
          publishedBy: principal.personId,
          publishedAt: this.deps.now(),
          usedBy: [],
        })
      ).toObject();
    } catch (error) {
      if (isDuplicateKey(error)) throw republished(template.id);
      throw error;
    }
    await recordChange(
      this.deps.AuditEvent,
      principal,
      {
        entity: 'lke_template',
        entityId: template.id,
        type: 'lke_template_published',
        to: `${template.name}; tahun=${template.year}; versi=${template.version}`,
      },
      this.deps.now(),
    );
    return { ...storedSummary(created), template: created.template };
  }
}

function builtInSummary(template: LkeTemplate): LkeTemplateSummary {
  return {
    id: template.id,
    name: template.name,
    year: template.year,
    version: template.version,
    builtIn: true,
    usedBy: [],
  };
}

function storedSummary(document: Omit<LkeTemplateDocument, 'template'>): LkeTemplateSummary {
  return {
    id: document._id,
    name: document.name,
    year: document.year,
    version: document.version,
    builtIn: false,
    publishedBy: document.publishedBy,
    publishedAt: document.publishedAt.toISOString(),
    usedBy: document.usedBy ?? [],
  };
}
