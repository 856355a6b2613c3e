/**
 * Words the screens show, from the same domain modules the server uses (pure code, bundled at build time), so a
 * stage, area, role or status is named the same in emails, the API and the UI.
 */
import { areaCodes, areaNames, type AreaCode } from '../../domain/areas';
import {
  assessmentPhaseLabels,
  layerLabel,
  tpnResultLabels,
  tpnResults,
  tpnStageLabels,
  tpnStages,
} from '../../domain/assessment-process';
import { defaultCatalogue } from '../../domain/catalogue';
import { roleCodes, roleLabels, type RoleCode } from '../../domain/roles';
import { stageCodes, stageLabels, type StageCode } from '../../domain/stages';
import { taskStatusLabels, taskStatuses, type TaskStatus } from '../../domain/task';

export {
  areaCodes,
  layerLabel,
  roleCodes,
  stageCodes,
  taskStatuses,
  tpnResultLabels,
  tpnResults,
  tpnStageLabels,
  tpnStages,
};

export const stageLabel = (stage: string): string => stageLabels[stage as StageCode] ?? stage;
export const areaLabel = (area: string | undefined): string =>
  area ? (areaNames[area as AreaCode] ?? area) : 'Lintas area';
export const roleLabel = (role: string): string => roleLabels[role as RoleCode] ?? role;
export const statusLabel = (status: string): string => taskStatusLabels[status as TaskStatus] ?? status;

export const cycleStatusLabels: Record<string, string> = {
  launching: 'Sedang diluncurkan',
  launched: 'Berjalan',
  cancelled: 'Dibatalkan',
  completed: 'Selesai',
};

export const stageStatusLabels: Record<string, string> = {
  scheduled: 'Terjadwal',
  open: 'Dibuka',
  closed: 'Ditutup',
};

export const eventLabels: Record<string, string> = {
  claim: 'Mengambil tugas',
  submit: 'Mengirim untuk direviu',
  review: 'Mereviu',
  reassign: 'Mengalihkan',
  extend_due: 'Memperpanjang tenggat',
  cancel: 'Membatalkan',
};

export const notificationStatusLabels: Record<string, string> = {
  pending: 'Menunggu',
  sending: 'Sedang dikirim',
  sent: 'Terkirim',
  retrying: 'Dicoba ulang',
  failed: 'Gagal',
};

export const personStatusLabels: Record<string, string> = {
  invited: 'Diundang',
  active: 'Aktif',
  deactivated: 'Nonaktif',
};

/**
 * A task's description. The task API carries the title but not the template's description, so the UI reads it from
 * the default catalogue; a template added or rewritten at launch shows none.
 */
export function taskDescription(templateKey: string): string | undefined {
  return defaultCatalogue.templates.find((template) => template.key === templateKey)?.description;
}

export const phaseLabel = (phase: string): string =>
  assessmentPhaseLabels[phase as keyof typeof assessmentPhaseLabels] ?? phase;

/** What each step of a penilaian is called in its history. */
export const assessmentEventLabels: Record<string, string> = {
  submit: 'Mengirim penilaian mandiri',
  complete_layer: 'Menyelesaikan lapis penilai',
  close_follow_up: 'Menutup tindak lanjut',
  finalize: 'Menetapkan nilai akhir',
  approve_proposal: 'Menyetujui usulan',
  record_proposal: 'Mencatat usulan ke KemenPAN-RB',
  deadline_passed: 'Batas waktu usulan terlewati',
  record_tpn: 'Mencatat hasil TPN',
  record_predikat: 'Mencatat predikat',
};

export const predicateLabel = (predicate: string | null | undefined): string =>
  predicate === 'WBK'
    ? 'WBK (Wilayah Bebas dari Korupsi)'
    : predicate === 'WBBM'
      ? 'WBBM (Wilayah Birokrasi Bersih dan Melayani)'
      : 'Tanpa predikat';
