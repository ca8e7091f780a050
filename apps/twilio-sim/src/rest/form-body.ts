import { FastifyInstance } from 'fastify';
import { TwilioRestError } from '../core/twilio-rest-error';
import { HttpMethod } from '../webhooks/webhook-client';

export type FormBody = Record<string, string | string[]>;

/** Twilio's REST API takes form-encoded bodies; repeated names (StatusCallbackEvent) become lists. */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const form: FormBody = {};
    for (const [name, value] of new URLSearchParams(String(body))) {
      const previous = form[name];
      form[name] =
        previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    done(null, form);
  });
}

/** Typed reads of a form body, failing the way Twilio does on missing or malformed values. */
export class FormReader {
  constructor(private readonly body: FormBody = {}) {}

  optional(name: string): string | undefined {
    const value = this.body[name];
    return Array.isArray(value) ? value[value.length - 1] : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined || value === '') throw TwilioRestError.missing(name);
    return value;
  }

  /** Accepts repeated names and space- or comma-separated values alike. */
  list(name: string): string[] | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    return (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(/[\s,]+/))
      .filter((v) => v.length > 0);
  }

  boolean(name: string): boolean | undefined {
    const value = this.optional(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw TwilioRestError.invalid(name, value);
    return value === 'true';
  }

  integer(name: string): number | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) throw TwilioRestError.invalid(name, value);
    return number;
  }

  method(name: string): HttpMethod {
    const value = (this.optional(name) ?? 'POST').toUpperCase();
    if (value !== 'GET' && value !== 'POST') throw TwilioRestError.invalid(name, value);
    return value;
  }

  url(name: string): string | undefined {
    const value = this.optional(name);
    if (value === undefined || value === '') return undefined;
    try {
      return new URL(value).toString();
    } catch {
      throw TwilioRestError.invalid(name, value);
    }
  }
}
