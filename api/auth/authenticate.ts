import type { Request, RequestHandler } from 'express';
import type { Principal } from '../../domain/access';
import { HttpProblem } from '../problem';
import type { SessionService } from './sessions';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in person; set by `authenticate` on every operation that is not public. */
    principal?: Principal & { sessionId: string };
  }
}

export const unauthenticated = (): HttpProblem =>
  new HttpProblem(401, 'Belum masuk', 'Masuk terlebih dahulu; token akses tidak ada, tidak sah atau kedaluwarsa');

/** Reads `Authorization: Bearer <token>` and sets `req.principal`, or answers 401. */
export function authenticate(sessions: Pick<SessionService, 'principalOf'>): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer ([^\s]+)$/i.exec(req.get('authorization') ?? '');
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      next(unauthenticated());
      return;
    }
    sessions.principalOf(match[1]!).then((principal) => {
      if (!principal) {
        res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        next(unauthenticated());
        return;
      }
      req.principal = principal;
      next();
    }, next);
  };
}

/** The signed-in person of a request that passed `authenticate`. */
export function principalOf(req: Request): Principal & { sessionId: string } {
  if (!req.principal) throw unauthenticated();
  return req.principal;
}
