/**
 * The LKE (Lembar Kerja Evaluasi): versioned templates, the default PermenPAN-RB 90/2021 template, template
 * validation and assessment scoring up to the WBK/WBBM predicate. Pure: safe inside Temporal's workflow sandbox.
 */
export * from './types';
export * from './assessment-types';
export { defaultLkeTemplate, defaultLkeTemplateVersion } from './default';
export {
  validateTemplate,
  isValidTemplate,
  lkeIdPattern,
  minTemplateYear,
  maxTemplateYear,
  maxSubAreaDecimals,
} from './validate';
export { scoreAssessment, assessmentInputIssues, LkeInputError } from './score';
export { scoreQuestion } from './question-value';
export { subAreasOf, questionsOf, findQuestion, halfWeight } from './queries';
export type { LocatedQuestion, LocatedSubArea, SubAreaLocation } from './queries';
export { roundTo, formatScore } from './numbers';
