/**
 * The six areas of change (area perubahan) of the komponen pengungkit. Every Tim Kerja has a pokja per area,
 * and most rencana aksi belong to one area.
 */

/** Stable codes, in the order of the LKE. Stored in documents and templates: never rename one. */
export const areaCodes = [
  'manajemen_perubahan',
  'penataan_tatalaksana',
  'penataan_sdm',
  'akuntabilitas_kinerja',
  'penguatan_pengawasan',
  'pelayanan_publik',
] as const;
export type AreaCode = (typeof areaCodes)[number];

/** Names as PermenPAN-RB 90/2021 and the LKE write them. */
export const areaNames: Readonly<Record<AreaCode, string>> = {
  manajemen_perubahan: 'Manajemen Perubahan',
  penataan_tatalaksana: 'Penataan Tatalaksana',
  penataan_sdm: 'Penataan Sistem Manajemen SDM',
  akuntabilitas_kinerja: 'Penguatan Akuntabilitas Kinerja',
  penguatan_pengawasan: 'Penguatan Pengawasan',
  pelayanan_publik: 'Peningkatan Kualitas Pelayanan Publik',
};

export function isAreaCode(value: unknown): value is AreaCode {
  return typeof value === 'string' && (areaCodes as readonly string[]).includes(value);
}
