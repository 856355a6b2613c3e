/**
 * Serves the web UI's build (web/ → dist/web by scripts/build-web.ts) at `/`: hashed assets cached for a year,
 * index.html for every other page address (the UI routes in the browser). Only middleware, no routes: the UI is
 * no operation of the API, so the OpenAPI document neither lists it nor should. /api, /metrics, /healthz and
 * /readyz are never answered here, and an unknown /api path still gets its 404 problem.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';

/** dist/web beside the compiled api (dist/api → dist/web), or under the project root when run from source. */
export function webRoot(): string {
  const parent = path.resolve(__dirname, '..');
  return path.basename(parent) === 'dist' ? path.join(parent, 'web') : path.join(parent, 'dist', 'web');
}

const serverPaths = /^\/(api|metrics|healthz|readyz)(\/|$)/;

/**
 * The UI's own script and stylesheet only: no inline code, no other origin; the API is called on the same origin.
 * Downloads of evidence are blob: URLs.
 */
const uiSecurityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    },
  },
});

export function webUi(root = webRoot()): Router {
  const router = express.Router();
  const index = path.join(root, 'index.html');
  const assets = express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', index: false });
  const page: RequestHandler = (req, res, next) => {
    // A missing asset is a 404, not the page; neither is any path the server itself answers.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || serverPaths.test(req.path) || path.extname(req.path)) {
      next();
      return;
    }
    if (!existsSync(index)) {
      next();
      return;
    }
    uiSecurityHeaders(req, res, () => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  };
  router.use('/assets', uiSecurityHeaders, assets);
  router.use(page);
  return router;
}
