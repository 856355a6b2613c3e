/**
 * The default template shipped with the product: "LKE ZI — PermenPAN-RB 90/2021" with the weights and thresholds of
 * the domain brief. Administrators copy and adapt it per year; a stored assessment keeps the version it was scored on.
 */
import type { LkeTemplate } from '../types';
import { akuntabilitasKinerja } from './akuntabilitas-kinerja';
import { hasilIndicators } from './hasil';
import { manajemenPerubahan } from './manajemen-perubahan';
import { pelayananPublik } from './pelayanan-publik';
import { penataanSdm } from './penataan-sdm';
import { penataanTatalaksana } from './penataan-tatalaksana';
import { penguatanPengawasan } from './penguatan-pengawasan';

/** Bump on any change to the default template. */
export const defaultLkeTemplateVersion = 'lke-zi-2026.1';

/** Frozen: it is shared by every assessment in the process; adapting it means copying it. */
export const defaultLkeTemplate: LkeTemplate = deepFreeze({
  id: 'lke-zi-permenpanrb-90-2021',
  name: 'LKE ZI — PermenPAN-RB 90/2021',
  year: 2026,
  version: defaultLkeTemplateVersion,
  components: {
    pengungkit: {
      weight: 60,
      areas: [
        manajemenPerubahan,
        penataanTatalaksana,
        penataanSdm,
        akuntabilitasKinerja,
        penguatanPengawasan,
        pelayananPublik,
      ],
    },
    hasil: { weight: 40, indicators: hasilIndicators },
  },
  thresholds: {
    WBK: {
      halfMinShare: 0.6,
      hasilMinimums: { ipak: 15.75, capaian_kinerja: 2.5, ipkp: 14 },
      totalMinimum: 75,
    },
    WBBM: {
      halfMinShare: 0.75,
      hasilMinimums: { ipak: 15.75, capaian_kinerja: 3.75, ipkp: 15.75 },
      totalMinimum: 85,
    },
  },
  eligibility: { wbbmRequiresPriorWbk: true, revocationBarYears: 2 },
  // A/B/C/D are worth 1, 0.67, 0.33, 0 as the spreadsheet writes them, not exact thirds.
  choiceValues: {
    ya_tidak: [1, 0],
    abc: [1, 0.5, 0],
    abcd: [1, 0.67, 0.33, 0],
    abcde: [1, 0.75, 0.5, 0.25, 0],
  },
  conversion: { indexMax: 4 },
  rounding: { subAreaDecimals: 2 },
  tolerance: 1e-9,
  // 0/0 counts as 0 unless a question says otherwise: absent data is not evidence of compliance.
  percentage: { min: 0, max: 1, zeroDenominatorValue: 0 },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
