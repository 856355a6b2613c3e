/**
 * The kinds of evidence file (data dukung) the API stores, checked three ways: the file name's extension, the
 * declared media type, and the first bytes of the content. A renamed executable fails at least one of them. Pure.
 */

/** Office Open XML documents are zip archives. */
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
/** Legacy Office documents (doc, xls) are OLE compound files. */
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

interface EvidenceType {
  mimeTypes: readonly string[];
  /** How the content must start; text files instead must not contain NUL bytes. */
  magic: readonly number[] | 'text';
}

export const evidenceTypes: Readonly<Record<string, EvidenceType>> = {
  pdf: { mimeTypes: ['application/pdf'], magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mimeTypes: ['image/png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { mimeTypes: ['image/jpeg'], magic: [0xff, 0xd8, 0xff] },
  jpeg: { mimeTypes: ['image/jpeg'], magic: [0xff, 0xd8, 0xff] },
  docx: { mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], magic: zipMagic },
  xlsx: { mimeTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], magic: zipMagic },
  pptx: { mimeTypes: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'], magic: zipMagic },
  doc: { mimeTypes: ['application/msword'], magic: oleMagic },
  xls: { mimeTypes: ['application/vnd.ms-excel'], magic: oleMagic },
  zip: { mimeTypes: ['application/zip', 'application/x-zip-compressed'], magic: zipMagic },
  txt: { mimeTypes: ['text/plain'], magic: 'text' },
  // Browsers on Windows often label CSV files as Excel's.
  csv: { mimeTypes: ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel'], magic: 'text' },
};

export const allowedExtensions = Object.keys(evidenceTypes);

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** `text/csv; charset=utf-8` → `text/csv`. */
const baseMimeType = (mimeType: string): string => mimeType.split(';')[0]!.trim().toLowerCase();

/** Why a file's name and declared type are not accepted, or undefined when they are (checked before reading it). */
export function refusedDeclaredType(name: string, mimeType: string): string | undefined {
  const extension = extensionOf(name);
  const type = evidenceTypes[extension];
  if (!type) return `Jenis berkas .${extension || '?'} tidak diterima; yang diterima: ${allowedExtensions.join(', ')}`;
  if (!type.mimeTypes.includes(baseMimeType(mimeType))) {
    return `Tipe berkas ${mimeType || '(kosong)'} tidak sesuai dengan ekstensi .${extension}`;
  }
  return undefined;
}

/** Why a file's content does not match its extension, or undefined when it does (checked once it is read). */
export function refusedContent(name: string, content: Buffer): string | undefined {
  const type = evidenceTypes[extensionOf(name)];
  if (!type) return refusedDeclaredType(name, '');
  if (type.magic === 'text') {
    return content.includes(0) ? `Isi berkas ${name} bukan teks` : undefined;
  }
  const magic = type.magic;
  const matches = content.length >= magic.length && magic.every((byte, index) => content[index] === byte);
  return matches ? undefined : `Isi berkas ${name} tidak sesuai dengan ekstensinya`;
}

/**
 * A file name safe to store and to send back in Content-Disposition: no directories, no control characters, at
 * most 200 characters (the extension kept).
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (base.length <= 200) return base || 'berkas';
  const extension = extensionOf(base);
  return `${base.slice(0, 199 - extension.length)}.${extension}`;
}
