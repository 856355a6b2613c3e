/** The default catalogue shipped with the product; Bagian Organisasi adapts it per cycle with overrides. */
import type { TaskCatalogue } from '../types';
import { monevTemplates } from './monev';
import { pelaksanaanTemplates } from './pelaksanaan';
import { pembentukanTimTemplates } from './pembentukan-tim';
import { penghargaanTemplates } from './penghargaan';
import { penilaianTemplates } from './penilaian';
import { persiapanTemplates } from './persiapan';

/** Bump on any change to a template, so a cycle's snapshot says which defaults it started from. */
export const defaultCatalogueVersion = 'zi-2026.1';

/** Frozen: it is shared by every cycle in the process, and overrides must copy rather than edit it. */
export const defaultCatalogue: TaskCatalogue = deepFreeze({
  version: defaultCatalogueVersion,
  templates: [
    ...persiapanTemplates,
    ...pembentukanTimTemplates,
    ...pelaksanaanTemplates,
    ...monevTemplates,
    ...penilaianTemplates,
    ...penghargaanTemplates,
  ],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
