import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../config/logger';
import { toProblem } from './error-mapping';
import { HttpProblem, notFound } from './problem';

export const problemContentType = 'application/problem+json';

export function sendProblem(res: Parameters<RequestHandler>[1], problem: HttpProblem, instance?: string): void {
  const { retryAfterSeconds, ...extras } = problem.extras;
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
  res
    .status(problem.status)
    .type(problemContentType)
    .send(
      JSON.stringify({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        ...(problem.detail ? { detail: problem.detail } : {}),
        ...(instance ? { instance } : {}),
        ...extras,
      }),
    );
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(notFound(`Rute ${req.method} ${req.path}`));
};

/** The one place errors become responses; no stack trace ever leaves the server. */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = toProblem(error);
    if (problem.status >= 500) log.error({ err: error, path: req.path }, problem.detail ?? problem.title);
    sendProblem(res, problem, req.originalUrl);
  };
}
