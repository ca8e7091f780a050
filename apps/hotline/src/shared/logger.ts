import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { maskPhone } from './phone-mask';

const PHONE_KEYS = ['From', 'To', 'Caller', 'Called', 'from', 'to', 'phone', 'number'];
const SECRET_KEYS = ['password', 'authToken', 'accessToken', 'refreshToken', 'token', 'authorization'];

/**
 * Structured JSON logs. Phone numbers are masked and secrets removed wherever they appear at the
 * top level or one level down, so that a log line can be shared without leaking a customer.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hotline' },
      redact: {
        paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
        censor: '[redacted]',
      },
      formatters: {
        log: (object) => {
          const masked: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(object)) {
            masked[key] = PHONE_KEYS.includes(key) && typeof value === 'string' ? maskPhone(value) : value;
          }
          return masked;
        },
      },
    },
    destination,
  );
}

/** Routes Nest's own log lines into the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/** Injection token for the process's pino logger. */
export const LOGGER = Symbol('LOGGER');
