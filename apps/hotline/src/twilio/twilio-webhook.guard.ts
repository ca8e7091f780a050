import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { timingSafeEqual } from 'node:crypto';
import { getExpectedTwilioSignature, validateRequest } from 'twilio';
import { Settings } from '../config/settings';
import { DomainError } from '../shared/domain-error';
import { LOGGER } from '../shared/logger';
import { TwilioAccount } from './twilio-account';

/**
 * Twilio signs the URL as it called it, which is the URL as we built it: that one is checked
 * first, with one HMAC. Only when it does not match does twilio's own validateRequest try the
 * forms Twilio may also have signed (with or without the port, escaped).
 */
function signedBy(
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string>,
): boolean {
  const expected = Buffer.from(getExpectedTwilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  return validateRequest(authToken, signature, url, params);
}

/**
 * Accepts a webhook only when its X-Twilio-Signature matches the URL Twilio called — our public
 * base URL plus the path and query — and the form parameters, signed with the account's auth
 * token. Anything else is refused with 403 before any handler runs, so it changes nothing.
 */
@Injectable()
export class TwilioWebhookGuard implements CanActivate {
  private readonly publicBaseUrl: string;

  constructor(
    @Inject(TwilioAccount) private readonly account: TwilioAccount | null,
    settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.publicBaseUrl = settings.env.publicBaseUrl;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const signature = request.headers['x-twilio-signature'];
    const params = (request.body ?? {}) as Record<string, string>;
    const url = this.publicBaseUrl + request.url;
    if (this.account === null) {
      throw new DomainError(
        'TWILIO.NO_ACCOUNT',
        'No Twilio account is configured to check this webhook against',
        403,
      );
    }
    if (typeof signature !== 'string' || !signedBy(this.account.authToken, signature, url, params)) {
      this.logger.warn(
        { path: request.routeOptions?.url, CallSid: params.CallSid },
        'refused a webhook with a bad signature',
      );
      throw new DomainError(
        'TWILIO.BAD_SIGNATURE',
        'The X-Twilio-Signature header is missing or does not match',
        403,
      );
    }
    return true;
  }
}
