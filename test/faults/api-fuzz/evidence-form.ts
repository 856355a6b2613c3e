import fc from 'fast-check';
import { changed, preview, type Mutation } from './mutation';
import type { ContentType } from './request';
import { hostileKey, hostileString } from './values';

/** Evidence uploads (multipart/form-data): a valid-looking form, and broken, oversized or hostile ones. */

interface FormPart {
  name: string;
  filename?: string;
  type?: string;
  content: string;
}

const boundary = 'batas-uji-fuzz';
const formText = (parts: FormPart[], closing = true): string =>
  parts
    .map(
      (part) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        (part.filename !== undefined ? `; filename="${part.filename}"` : '') +
        (part.type ? `\r\nContent-Type: ${part.type}` : '') +
        `\r\n\r\n${part.content}\r\n`,
    )
    .join('') + (closing ? `--${boundary}--\r\n` : '');

const documentPart: FormPart = { name: 'document', content: 'Notulen rapat' };
const filePart: FormPart = {
  name: 'file',
  filename: 'bukti.pdf',
  type: 'application/pdf',
  content: '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF',
};
const formType: ContentType = { header: `multipart/form-data; boundary=${boundary}`, kind: 'other' };

export const evidenceForm = fc.constant({ text: formText([documentPart, filePart]), contentType: formType });

export const mangleForm: Mutation = (request) =>
  fc
    .oneof(
      fc.nat({ max: 200 }).map((at) => ({
        change: 'form truncated',
        text: formText([documentPart, filePart]).slice(0, at),
        contentType: formType,
      })),
      fc
        .constantFrom('multipart/form-data', 'multipart/form-data; boundary=lain', 'multipart/form-data; boundary=')
        .map((header) => ({
          change: `form header ${header}`,
          text: formText([documentPart, filePart]),
          contentType: { header, kind: 'other' as const },
        })),
      fc.tuple(hostileString(300), hostileKey).map(([filename, name]) => ({
        change: `form file ${preview(filename)} in field ${preview(name)}`,
        text: formText([documentPart, { ...filePart, name, filename }]),
        contentType: formType,
      })),
      fc
        .constantFrom(
          [documentPart, filePart, filePart],
          [documentPart, documentPart, filePart],
          [filePart],
          [documentPart],
          [],
          Array.from({ length: 8 }, (_, i) => ({ name: `f${i}`, content: 'x' })),
          [{ ...documentPart, content: 'x'.repeat(3000) }, filePart],
          [documentPart, { ...filePart, filename: 'bukti.exe', type: 'application/x-msdownload' }],
          [documentPart, { ...filePart, filename: 'bukti.pdf', content: '<html><script>alert(1)</script></html>' }],
          [documentPart, { ...filePart, filename: 'a\r\nContent-Type: text/html' }],
          [{ ...documentPart, name: '__proto__' }, filePart],
        )
        .map((parts) => ({
          change: `form of ${parts.map((part) => part.name).join(',') || 'nothing'}`,
          text: formText(parts),
          contentType: formType,
        })),
    )
    .map(({ change, text, contentType }) => changed(request, change, { text, body: undefined, contentType }));
