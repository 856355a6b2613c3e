/**
 * Recommendations a unit without a predikat carries into the next cycle become tasks of its own in that cycle's
 * pelaksanaan: one per area of change (and one for what belongs to no area), each listing what to act on. Pure: the
 * launch computes them once and the cycle hands each unit its own catalogue.
 */
import { areaCodes, areaNames, isAreaCode, type AreaCode } from './areas';
import type { RecommendationItem } from './awards';
import { maxDescriptionLength, maxTitleLength, type TaskCatalogue, type TaskTemplate } from './catalogue';

export const carriedKeyPrefix = 'rekomendasi_';
export const carriedEvidenceDocument = 'Bukti tindak lanjut rekomendasi';

/** The area a recommendation belongs to: its question's area, or the area of a failed half (`half:<area>:<half>`). */
export function areaOfRecommendation(
  item: RecommendationItem,
  questionArea: (questionId: string) => AreaCode | undefined,
): AreaCode | undefined {
  if (item.questionId) return questionArea(item.questionId);
  const [kind, area] = item.code.split(':');
  return kind === 'half' && isAreaCode(area) ? area : undefined;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A description listing the items; what does not fit is counted, never silently dropped. */
function describe(fromCycleId: string, items: readonly RecommendationItem[]): string {
  const head = `Rekomendasi siklus ${fromCycleId} yang belum ditindaklanjuti:`;
  const lines: string[] = [head];
  let length = head.length;
  for (const [index, item] of items.entries()) {
    const line = `- ${item.text}`;
    const rest = items.length - index;
    const reserve = `\n… dan ${rest} rekomendasi lain (lihat rekomendasi siklus ${fromCycleId}).`.length;
    if (length + 1 + line.length + (rest > 1 ? reserve : 0) > maxDescriptionLength) {
      lines.push(`… dan ${rest} rekomendasi lain (lihat rekomendasi siklus ${fromCycleId}).`);
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join('\n');
}

/**
 * The tasks for one unit's carried recommendations, in area order then the general one; none when there is nothing to
 * carry. Each is required (the unit acts on its recommendations before it leaves pelaksanaan) and reviewed by the TPI
 * that wrote most of them.
 */
export function carriedRecommendationTemplates(
  fromCycleId: string,
  items: readonly RecommendationItem[],
): TaskTemplate[] {
  const groups = new Map<AreaCode | undefined, RecommendationItem[]>();
  for (const item of items) groups.set(item.area, [...(groups.get(item.area) ?? []), item]);
  const order: (AreaCode | undefined)[] = [...areaCodes, undefined];
  return order.flatMap((area) => {
    const grouped = groups.get(area);
    if (!grouped) return [];
    const subject = area ? areaNames[area] : 'Umum';
    return [
      {
        key: `${carriedKeyPrefix}${area ?? 'umum'}`,
        title: truncate(`Tindak lanjut rekomendasi siklus ${fromCycleId}: ${subject}`, maxTitleLength),
        description: describe(fromCycleId, grouped),
        stage: 'pelaksanaan',
        ...(area ? { area } : {}),
        assigneeRole: 'ketua_tim',
        reviewerRole: 'penilai',
        evidence: { required: true, documents: [carriedEvidenceDocument] },
        required: true,
        due: { kind: 'at_stage_due' },
      } satisfies TaskTemplate,
    ];
  });
}

/** The cycle's catalogue with a unit's carried tasks after the pelaksanaan tasks already in it. */
export function withCarriedRecommendations(
  catalogue: TaskCatalogue,
  carried: readonly TaskTemplate[] | undefined,
): TaskCatalogue {
  if (!carried || carried.length === 0) return catalogue;
  return { version: catalogue.version, templates: [...catalogue.templates, ...carried] };
}
