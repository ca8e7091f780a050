import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TWILIO_ERROR, TwilioFault } from '../webhooks/sim-notification';
import { TwimlElement } from './twiml-element';

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

/** Parses a TwiML document; a document that is not well-formed XML with one root fails with 12100. */
export function parseTwiml(xml: string, url?: string): TwimlElement {
  const wellFormed = xml.trim().length > 0 ? XMLValidator.validate(xml) : emptyDocument();
  if (wellFormed !== true) {
    throw new TwilioFault(
      TWILIO_ERROR.documentParseFailure,
      `Document parse failure: ${wellFormed.err.msg} (line ${wellFormed.err.line})`,
      url,
    );
  }
  const roots = (parser.parse(xml) as OrderedNode[]).map(toElement).filter((e): e is TwimlElement => !!e);
  if (roots.length !== 1) {
    throw new TwilioFault(
      TWILIO_ERROR.documentParseFailure,
      'Document parse failure: expected one root element',
      url,
    );
  }
  return roots[0];
}

function emptyDocument() {
  return { err: { msg: 'empty document', line: 1 } };
}

function toElement(node: OrderedNode): TwimlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name.startsWith('?') || name === '#comment') return undefined;
  const content = (node[name] as OrderedNode[]) ?? [];
  return {
    name,
    attributes: { ...(node[':@'] ?? {}) },
    children: content.map(toElement).filter((e): e is TwimlElement => !!e),
    text: content
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join(' ')
      .trim(),
  };
}
