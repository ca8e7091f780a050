import type { FastifyReply } from 'fastify';

/** Sends a TwiML document as Twilio expects it. */
export function sendTwiml(reply: FastifyReply, twiml: string): void {
  void reply.status(200).header('content-type', 'text/xml; charset=utf-8').send(twiml);
}
