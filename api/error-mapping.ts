import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { conflict, HttpProblem, notFound, serviceUnavailable } from './problem';

const grpcUnavailable = 14;
const grpcDeadlineExceeded = 4;

/**
 * Turns anything thrown during a request into an HttpProblem. Order matters: our own problems first, then the
 * well-known errors of our dependencies, then body-parser's and the router's, and only then the generic 500.
 */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof WorkflowExecutionAlreadyStartedError) return conflict('Alur kerja dengan id ini sudah berjalan');
  if (error instanceof WorkflowNotFoundError) return notFound('Alur kerja');
  if (error instanceof WorkflowUpdateFailedError) {
    return new HttpProblem(422, 'Permintaan ditolak', messageOf(error.cause) ?? error.message);
  }
  const unavailable = unavailableDependency(error);
  if (unavailable) return serviceUnavailable(unavailable);
  const parserError = bodyParserProblem(error);
  if (parserError) return parserError;
  if (undecodablePath(error)) {
    return new HttpProblem(400, 'Permintaan tidak valid', 'Alamat berisi pengkodean persen (%) yang tidak sah');
  }
  return new HttpProblem(500, 'Kesalahan internal', 'Terjadi kesalahan pada server');
}

/** Which dependency an error says is down, following the `cause` chain. */
export function unavailableDependency(error: unknown): 'mongodb' | 'temporal' | undefined {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return undefined;
    const candidate = current as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    const name = typeof candidate.name === 'string' ? candidate.name : '';
    if (
      /^Mongo(oseServerSelection|ServerSelection|Network|NetworkTimeout|TopologyClosed|NotConnected)Error$/.test(name)
    ) {
      return 'mongodb';
    }
    if (
      name === 'MongooseError' &&
      typeof candidate.message === 'string' &&
      /not connected|buffering/i.test(candidate.message)
    ) {
      return 'mongodb';
    }
    if ((candidate.code === grpcUnavailable || candidate.code === grpcDeadlineExceeded) && 'details' in candidate) {
      return 'temporal';
    }
    if (name === 'ServiceError' && /unavailable|deadline|connect/i.test(String(candidate.message))) return 'temporal';
    current = candidate.cause;
  }
  return undefined;
}

function bodyParserProblem(error: unknown): HttpProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, expose } = error as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof status !== 'number') return undefined;
  if (typeof type !== 'string') {
    // A body that does not decode ("Content-Encoding: gzip" on plain text) fails in zlib; body-parser marks it with
    // http-errors' status and expose only.
    return expose === true && status >= 400 && status < 500
      ? new HttpProblem(status, 'Permintaan tidak valid', 'Badan permintaan tidak dapat dibaca')
      : undefined;
  }
  switch (type) {
    case 'entity.parse.failed':
      return new HttpProblem(400, 'Permintaan tidak valid', 'Badan permintaan bukan JSON yang sah', {
        errors: [{ field: 'body', message: 'JSON tidak sah' }],
      });
    case 'entity.too.large':
      return new HttpProblem(413, 'Permintaan terlalu besar', 'Ukuran badan permintaan melebihi batas');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(415, 'Format tidak didukung', 'Gunakan JSON dengan UTF-8');
    default:
      return status >= 400 && status < 500 ? new HttpProblem(status, 'Permintaan tidak valid') : undefined;
  }
}

/** Express's router could not percent-decode a path parameter (`/units/%ZZ`): the caller's fault, not ours. */
function undecodablePath(error: unknown): boolean {
  return error instanceof URIError && (error as URIError & { status?: unknown }).status === 400;
}

function messageOf(error: unknown): string | undefined {
  return error instanceof Error ? error.message : undefined;
}
