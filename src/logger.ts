import { pino, type Logger } from 'pino';

/** Creates the structured JSON logger (pino) at the given level. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'maas' } });
}

export type { Logger };
