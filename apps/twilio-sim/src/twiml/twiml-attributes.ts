import { HttpMethod } from '../webhooks/webhook-client';
import { TWILIO_ERROR, TwilioFault } from '../webhooks/sim-notification';
import { TwimlElement } from './twiml-element';

/** Typed reads of a verb's attributes; a value Twilio would reject fails the document with 12200. */
export class TwimlAttributes {
  constructor(
    private readonly element: TwimlElement,
    private readonly documentUrl?: string,
  ) {}

  string(name: string): string | undefined {
    const value = this.element.attributes[name];
    return value === undefined ? undefined : value;
  }

  number(name: string, fallback: number, min = 0): number {
    const raw = this.element.attributes[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) this.invalid(name, raw);
    return value;
  }

  optionalInteger(name: string): number | undefined {
    const raw = this.element.attributes[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) this.invalid(name, raw);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.element.attributes[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw !== 'true' && raw !== 'false') this.invalid(name, raw);
    return raw === 'true';
  }

  method(name: string): HttpMethod {
    const raw = (this.element.attributes[name] ?? 'POST').toUpperCase();
    if (raw !== 'GET' && raw !== 'POST') this.invalid(name, raw);
    return raw;
  }

  /** An absolute URL; relative ones resolve against the URL of the document they came from. */
  url(name: string): string | undefined {
    const raw = this.element.attributes[name];
    return raw === undefined || raw === '' ? undefined : resolveUrl(raw, this.documentUrl);
  }

  list(name: string, fallback: string[]): string[] {
    const raw = this.element.attributes[name];
    return raw === undefined ? fallback : raw.split(/[\s,]+/).filter((v) => v.length > 0);
  }

  private invalid(name: string, raw: string): never {
    throw new TwilioFault(
      TWILIO_ERROR.schemaValidation,
      `Schema validation warning: <${this.element.name}> has an invalid ${name}="${raw}"`,
      this.documentUrl,
    );
  }
}

export function resolveUrl(raw: string, base?: string): string {
  try {
    return new URL(raw.trim(), base).toString();
  } catch {
    throw new TwilioFault(TWILIO_ERROR.invalidUrl, `Invalid URL: ${raw}`, base);
  }
}
