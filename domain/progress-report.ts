/**
 * The periodic monev progress report: one task per unit and monev period, made from a period rather than the
 * catalogue, so a cycle with a monthly rhythm gets one task a month without twelve templates.
 */
import type { TaskTemplate } from './catalogue';

export interface ProgressReportPeriod {
  /** `[a-z0-9_]+`, e.g. `monev_2026_03`: becomes part of the task's workflow id. */
  key: string;
  /** Indonesian, e.g. "Maret 2026". */
  label: string;
}

export const progressReportDocument = 'Laporan kemajuan periode';

export function progressReportTemplate(period: ProgressReportPeriod): TaskTemplate {
  return {
    key: `laporan_${period.key}`,
    title: `Laporan kemajuan pembangunan ZI — ${period.label}`,
    description:
      `Menyampaikan laporan kemajuan rencana aksi periode ${period.label}: capaian per area, kendala, ` +
      'dan rencana periode berikutnya, untuk dibahas bersama pimpinan unit.',
    stage: 'monev',
    area: 'manajemen_perubahan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: [progressReportDocument] },
    required: false,
    // The period's own due instant is passed with it; the rule only documents the intent.
    due: { kind: 'at_stage_due' },
  };
}
