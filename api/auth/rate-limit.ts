import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ApiContext } from '../context';
import { HttpProblem } from '../problem';

const windowMs = 15 * 60 * 1000;

/**
 * Attempts per client address per 15 minutes (config AUTH_RATE_LIMIT), answered 429 problem+json with Retry-After.
 * The limit is read per request: the app is also built without a context (OpenAPI tests). `failuresOnly` counts only
 * refused attempts, so colleagues signing in from one office address do not lock each other out.
 */
export function authRateLimit(
  context: Pick<ApiContext, 'config'>,
  options: { failuresOnly?: boolean } = {},
): RequestHandler {
  return rateLimit({
    windowMs,
    limit: () => context.config.auth.rateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: options.failuresOnly ?? false,
    handler: (req, _res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000),
      );
      next(
        new HttpProblem(429, 'Terlalu banyak percobaan', 'Terlalu banyak percobaan dari alamat ini; coba lagi nanti', {
          retryAfterSeconds,
        }),
      );
    },
  });
}
