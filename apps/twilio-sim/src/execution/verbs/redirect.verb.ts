import { resolveUrl, TwimlAttributes } from '../../twiml/twiml-attributes';
import { TwimlElement } from '../../twiml/twiml-element';
import { TWILIO_ERROR, TwilioFault } from '../../webhooks/sim-notification';
import { VerbContext, VerbExecutor, VerbOutcome } from '../verb-context';

/** `<Redirect>`: the rest of the document is dropped; the call continues with the TwiML at the URL. */
export class RedirectVerb implements VerbExecutor {
  readonly verb = 'Redirect';

  async execute(element: TwimlElement, ctx: VerbContext): Promise<VerbOutcome> {
    if (!element.text)
      throw new TwilioFault(TWILIO_ERROR.schemaValidation, '<Redirect> needs a URL', ctx.documentUrl);
    const method = new TwimlAttributes(element, ctx.documentUrl).method('method');
    const url = resolveUrl(element.text, ctx.documentUrl);
    return { kind: 'next', source: { kind: 'url', url, method, purpose: 'redirect' } };
  }
}
