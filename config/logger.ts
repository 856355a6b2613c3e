import pino, { type Logger } from 'pino';
import type { Config } from './index';

export type { Logger };

/** One JSON logger per process; `component` tells api and worker lines apart when they share a terminal. */
export function createLogger(config: Pick<Config, 'logLevel'>, component: string): Logger {
  return pino({ level: config.logLevel, base: { component } });
}
