import { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { twilioErrorBody } from './twilio-error-body';

/** Basic auth with AccountSid:AuthToken, for the account named in the path only. */
export function restAuthHook(accountSid: string, authToken: string) {
  const expected = Buffer.from(`Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    const pathAccount = (request.params as { AccountSid?: string }).AccountSid;
    const valid =
      given.length === expected.length && timingSafeEqual(given, expected) && pathAccount === accountSid;
    if (!valid) {
      await reply
        .code(401)
        .header('WWW-Authenticate', 'Basic realm="Twilio API"')
        .send(twilioErrorBody(401, 20003, 'Authenticate'));
    }
  };
}
