import type { Readable } from 'node:stream';
import type { RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import { z } from 'zod';
import { HttpProblem, badRequest } from '../problem';
import type { StoredEvidence } from './evidence-store';
import { refusedContent, refusedDeclaredType } from './evidence-types';

const unsupported = (detail: string): HttpProblem => new HttpProblem(415, 'Jenis berkas tidak diterima', detail);

export const tooLarge = (maxBytes: number): HttpProblem =>
  new HttpProblem(413, 'Berkas terlalu besar', `Ukuran berkas paling besar ${formatBytes(maxBytes)}`, {
    maxBytes,
  });

const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * Reads one evidence file from a multipart/form-data request (field `file`, plus the text field `document`).
 * The name and declared type are checked before a byte is kept, the size while reading (413), the content once
 * read (415); the file then sits in `req.body.file` so the route's schema validates the whole form. The file is
 * held in memory (at most `maxBytes`) so nothing is stored before the request is known to be valid.
 */
export function receiveEvidence(maxBytes: () => number): RequestHandler[] {
  const receive: RequestHandler = (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next(unsupported('Kirim berkas sebagai multipart/form-data (kolom file dan document)'));
      return;
    }
    const upload = multer({
      storage: multer.memoryStorage(),
      defParamCharset: 'utf8',
      limits: { fileSize: maxBytes(), files: 1, fields: 5, parts: 6, fieldSize: 2000, fieldNameSize: 100 },
      fileFilter: (_req, file, accept) => {
        const refused = refusedDeclaredType(file.originalname, file.mimetype);
        if (refused) accept(unsupported(refused));
        else accept(null, true);
      },
    }).single('file');
    upload(req, res, (error?: unknown) => next(error === undefined ? undefined : uploadProblem(error, maxBytes())));
  };

  const intoBody: RequestHandler = (req, _res, next) => {
    const file = req.file;
    if (file) {
      const refused = refusedContent(file.originalname, file.buffer);
      if (refused) {
        next(unsupported(refused));
        return;
      }
    }
    req.body = { ...(req.body as object), ...(file ? { file } : {}) };
    next();
  };

  return [receive, intoBody];
}

function uploadProblem(error: unknown, maxBytes: number): unknown {
  if (error instanceof HttpProblem) return error;
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return tooLarge(maxBytes);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return badRequest([{ field: 'body.file', message: 'kirim tepat satu berkas, pada kolom file' }]);
      default:
        return badRequest([{ field: 'body', message: 'formulir terlalu besar atau tidak sah' }]);
    }
  }
  // busboy's own parse errors: a truncated or malformed form.
  if (error instanceof Error && /multipart|form|part|boundary/i.test(error.message)) {
    return badRequest([{ field: 'body', message: 'formulir multipart/form-data tidak sah' }]);
  }
  return error;
}

/** The `file` field of an upload form, as `receiveEvidence` leaves it in the body: validated and documented as binary. */
export const uploadedFileField = z
  .custom<Express.Multer.File>(
    (value) => typeof value === 'object' && value !== null && Buffer.isBuffer((value as { buffer?: unknown }).buffer),
    'berkas wajib diunggah pada kolom file',
  )
  .meta({ override: { type: 'string', format: 'binary' }, description: 'Berkas data dukung' });

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
const attachment = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Streams a stored evidence file as a private download; a read error mid-stream ends the response. */
export function sendEvidenceFile(
  res: Response,
  next: (error?: unknown) => void,
  { file, content }: { file: StoredEvidence; content: Readable },
): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', attachment(file.name));
  res.setHeader('Cache-Control', 'private, no-store');
  content.once('error', (error) => {
    if (res.headersSent) res.destroy(error);
    else next(error);
  });
  content.pipe(res);
}
