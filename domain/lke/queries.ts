/** Lookups over a template, in LKE order: for forms, progress counts, evidence checklists and tests. */
import { halfKinds, type HalfKind, type LkeArea, type LkeQuestion, type LkeSubArea, type LkeTemplate } from './types';

/** Where a sub-area sits: in a half of a pengungkit area, or among the komponen hasil indicators. */
export type SubAreaLocation =
  | { readonly component: 'pengungkit'; readonly area: LkeArea; readonly half: HalfKind }
  | { readonly component: 'hasil' };

export interface LocatedSubArea {
  readonly subArea: LkeSubArea;
  readonly location: SubAreaLocation;
}

export interface LocatedQuestion {
  readonly question: LkeQuestion;
  readonly subArea: LkeSubArea;
  readonly location: SubAreaLocation;
}

/** Every sub-area and hasil indicator, in LKE order (areas, pemenuhan before reform, then hasil). */
export function subAreasOf(template: LkeTemplate): LocatedSubArea[] {
  const located: LocatedSubArea[] = [];
  for (const area of template.components.pengungkit.areas) {
    for (const half of halfKinds) {
      for (const subArea of area[half].subAreas) {
        located.push({ subArea, location: { component: 'pengungkit', area, half } });
      }
    }
  }
  for (const indicator of template.components.hasil.indicators) {
    located.push({ subArea: indicator, location: { component: 'hasil' } });
  }
  return located;
}

/** Every question, in LKE order. */
export function questionsOf(template: LkeTemplate): LocatedQuestion[] {
  return subAreasOf(template).flatMap(({ subArea, location }) =>
    subArea.questions.map((question) => ({ question, subArea, location })),
  );
}

export function findQuestion(template: LkeTemplate, questionId: string): LocatedQuestion | undefined {
  return questionsOf(template).find(({ question }) => question.id === questionId);
}

/** The weight of one half of an area: the sum of its sub-area weights. */
export function halfWeight(area: LkeArea, half: HalfKind): number {
  return area[half].subAreas.reduce((total, subArea) => total + subArea.weight, 0);
}
