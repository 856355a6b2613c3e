/**
 * The one error type of the API. Everything thrown in a request ends up as an RFC 9457
 * `application/problem+json` body through `toProblem` and the error middleware.
 */
export interface FieldError {
  /** Dotted path of the failing field, prefixed by its location: `body.units.0.code`. */
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extras: { errors?: FieldError[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (errors: FieldError[]): HttpProblem =>
  new HttpProblem(400, 'Permintaan tidak valid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });

export const notFound = (what: string): HttpProblem =>
  new HttpProblem(404, 'Tidak ditemukan', `${what} tidak ditemukan`);

export const conflict = (detail: string): HttpProblem => new HttpProblem(409, 'Konflik', detail);

export const serviceUnavailable = (dependency: string, retryAfterSeconds = 5): HttpProblem =>
  new HttpProblem(503, 'Layanan sementara tidak tersedia', `${dependency} tidak dapat dihubungi; coba lagi nanti`, {
    dependency,
    retryAfterSeconds,
  });

export const forbidden = (detail: string): HttpProblem => new HttpProblem(403, 'Tidak berwenang', detail);
