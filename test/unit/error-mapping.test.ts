import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { toProblem, unavailableDependency } from '../../api/error-mapping';
import { badRequest, HttpProblem, serviceUnavailable } from '../../api/problem';

describe('toProblem', () => {
  describe('our own HttpProblems take precedence and pass through unchanged', () => {
    it.each([
      ['409', new HttpProblem(409, 'Konflik', 'sudah ada')],
      ['422', new HttpProblem(422, 'Permintaan ditolak', 'tidak boleh', { reason: 'x' })],
      ['503', serviceUnavailable('mongodb', 7)],
      ['404', new HttpProblem(404, 'Tidak ditemukan')],
      ['400', badRequest([{ field: 'body.year', message: 'terlalu kecil' }])],
    ])('status %s', (_status, problem) => {
      const snapshot = { status: problem.status, title: problem.title, detail: problem.detail, extras: problem.extras };
      const result = toProblem(problem);
      expect(result).toBe(problem);
      expect({ status: result.status, title: result.title, detail: result.detail, extras: result.extras }).toEqual(
        snapshot,
      );
    });

    it('keeps an HttpProblem 409 even when it looks like a body-parser error', () => {
      const problem = Object.assign(new HttpProblem(409, 'Konflik'), { type: 'entity.parse.failed' });
      expect(toProblem(problem)).toBe(problem);
      expect(toProblem(problem).status).toBe(409);
    });

    it('keeps an HttpProblem 422 even when its cause says a dependency is down', () => {
      const problem = new HttpProblem(422, 'Permintaan ditolak', 'aturan bisnis');
      Object.defineProperty(problem, 'cause', { value: { name: 'MongoServerSelectionError' } });
      expect(toProblem(problem)).toBe(problem);
      expect(toProblem(problem).status).toBe(422);
    });
  });

  it('maps WorkflowExecutionAlreadyStartedError to 409', () => {
    const error = new WorkflowExecutionAlreadyStartedError(
      'Workflow execution already started',
      'siklus:2026-abc',
      'cycleWorkflow',
    );
    const problem = toProblem(error);
    expect(problem).toBeInstanceOf(HttpProblem);
    expect(problem.status).toBe(409);
    expect(problem.title).toBe('Konflik');
  });

  it('maps WorkflowNotFoundError to 404', () => {
    const problem = toProblem(new WorkflowNotFoundError('not found', 'siklus:2026-abc', undefined));
    expect(problem.status).toBe(404);
    expect(problem.title).toBe('Tidak ditemukan');
  });

  it('maps WorkflowUpdateFailedError to 422 with the cause message', () => {
    const problem = toProblem(new WorkflowUpdateFailedError('update failed', new Error('siklus sudah dibatalkan')));
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe('siklus sudah dibatalkan');
  });

  describe('body-parser errors', () => {
    it('maps entity.too.large to 413', () => {
      const problem = toProblem(
        Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 }),
      );
      expect(problem.status).toBe(413);
      expect(problem.extras.errors).toBeUndefined();
    });

    it('maps a plain entity.too.large object to 413', () => {
      expect(toProblem({ type: 'entity.too.large', status: 413 }).status).toBe(413);
    });

    it('maps entity.parse.failed to 400 with a body field error', () => {
      const problem = toProblem({ type: 'entity.parse.failed', status: 400 });
      expect(problem.status).toBe(400);
      expect(problem.extras.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
    });

    it.each(['encoding.unsupported', 'charset.unsupported'])('maps %s to 415', (type) => {
      expect(toProblem({ type, status: 415 }).status).toBe(415);
    });

    it('keeps the status of another 4xx body-parser error', () => {
      expect(toProblem({ type: 'request.aborted', status: 408 }).status).toBe(408);
    });

    it('does not let an unknown 5xx body-parser error decide the status', () => {
      expect(toProblem({ type: 'stream.not.readable', status: 502 }).status).toBe(500);
    });
  });

  describe('unavailable dependencies become 503', () => {
    it('maps MongoServerSelectionError to 503 mongodb with retryAfterSeconds', () => {
      const problem = toProblem({ name: 'MongoServerSelectionError', message: 'connect ECONNREFUSED' });
      expect(problem.status).toBe(503);
      expect(problem.extras.dependency).toBe('mongodb');
      expect(problem.extras.retryAfterSeconds).toEqual(expect.any(Number));
      expect(problem.extras.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('maps a gRPC UNAVAILABLE error to 503 temporal', () => {
      const problem = toProblem({ code: 14, details: 'No connection established' });
      expect(problem.status).toBe(503);
      expect(problem.extras.dependency).toBe('temporal');
      expect(problem.extras.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('maps a gRPC UNAVAILABLE error nested in cause to 503 temporal', () => {
      const error = new Error('Failed to start workflow', { cause: { code: 14, details: 'connection refused' } });
      const problem = toProblem(error);
      expect(problem.status).toBe(503);
      expect(problem.extras.dependency).toBe('temporal');
    });
  });

  it('maps a body that does not decompress (zlib error marked 400 by body-parser) to 400, not a 5xx so marked', () => {
    const zlib = Object.assign(new Error('incorrect header check'), {
      code: 'Z_DATA_ERROR',
      status: 400,
      expose: true,
    });
    expect(toProblem(zlib).status).toBe(400);
    expect(toProblem(Object.assign(new Error('x'), { status: 502, expose: true })).status).toBe(500);
    expect(toProblem(Object.assign(new Error('x'), { status: 400 })).status).toBe(500);
  });

  it("maps the router's undecodable path parameter (/units/%ZZ) to 400, but not any URIError", () => {
    const undecodable = Object.assign(new URIError("Failed to decode param '%ZZ'"), { status: 400, statusCode: 400 });
    expect(toProblem(undecodable).status).toBe(400);
    expect(toProblem(new URIError('URI malformed')).status).toBe(500);
  });

  it('maps a plain Error to 500 without leaking its message', () => {
    const problem = toProblem(new Error('password=hunter2 at db.internal:27017'));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('hunter2');
    expect(problem.message).not.toContain('hunter2');
    expect(JSON.stringify(problem.extras)).not.toContain('hunter2');
  });

  it.each([
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
  ])('maps %s to 500', (_label, thrown) => {
    expect(toProblem(thrown).status).toBe(500);
  });
});

describe('unavailableDependency', () => {
  it.each([
    'MongoServerSelectionError',
    'MongooseServerSelectionError',
    'MongoNetworkError',
    'MongoNetworkTimeoutError',
    'MongoTopologyClosedError',
    'MongoNotConnectedError',
  ])('recognises %s as mongodb', (name) => {
    expect(unavailableDependency({ name })).toBe('mongodb');
  });

  it('recognises a disconnected MongooseError as mongodb', () => {
    const error = Object.assign(new Error('Operation `cycles.insertOne()` buffering timed out'), {
      name: 'MongooseError',
    });
    expect(unavailableDependency(error)).toBe('mongodb');
  });

  it('does not blame mongodb for an unrelated MongooseError or a duplicate key', () => {
    expect(unavailableDependency(Object.assign(new Error('Cast failed'), { name: 'MongooseError' }))).toBeUndefined();
    expect(unavailableDependency({ name: 'MongoServerError', code: 11000 })).toBeUndefined();
  });

  it('recognises gRPC UNAVAILABLE and DEADLINE_EXCEEDED with details as temporal', () => {
    expect(unavailableDependency({ code: 14, details: 'unavailable' })).toBe('temporal');
    expect(unavailableDependency({ code: 4, details: 'deadline exceeded' })).toBe('temporal');
  });

  it('ignores a code 14 without gRPC details', () => {
    expect(unavailableDependency({ code: 14 })).toBeUndefined();
  });

  it('recognises a Temporal ServiceError about connectivity as temporal', () => {
    const error = Object.assign(new Error('Failed to connect before the deadline'), { name: 'ServiceError' });
    expect(unavailableDependency(error)).toBe('temporal');
  });

  it('follows the cause chain', () => {
    const deep = new Error('outer', { cause: new Error('middle', { cause: { name: 'MongoNetworkError' } }) });
    expect(unavailableDependency(deep)).toBe('mongodb');
  });

  it('stops on a cyclic cause chain', () => {
    const a: { name: string; cause?: unknown } = { name: 'A' };
    const b = { name: 'B', cause: a };
    a.cause = b;
    expect(unavailableDependency(a)).toBeUndefined();
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['a string', 'MongoServerSelectionError'],
    ['undefined', undefined],
    ['null', null],
  ])('returns undefined for %s', (_label, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });
});
