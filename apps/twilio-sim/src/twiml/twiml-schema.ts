import { TWILIO_ERROR, TwilioFault } from '../webhooks/sim-notification';
import { TwimlElement } from './twiml-element';

/**
 * Where a document is played decides which verbs it may use: a queue's wait document only Play,
 * Say, Pause, Hangup, Redirect, Leave and Gather; a conference's wait or hold music only Play,
 * Say, Pause and Redirect; an announcement only Play, Say and Pause.
 */
export type DocumentMode = 'call' | 'queue-wait' | 'conference-wait' | 'announcement';

const ALLOWED_VERBS: Record<DocumentMode, readonly string[]> = {
  call: [
    'Say',
    'Play',
    'Pause',
    'Gather',
    'Redirect',
    'Hangup',
    'Reject',
    'Record',
    'Enqueue',
    'Leave',
    'Dial',
  ],
  'queue-wait': ['Play', 'Say', 'Pause', 'Hangup', 'Redirect', 'Leave', 'Gather'],
  'conference-wait': ['Play', 'Say', 'Pause', 'Redirect'],
  announcement: ['Play', 'Say', 'Pause'],
};

/** Real TwiML the stand-in does not play: reported, never silently skipped. */
const UNSUPPORTED_VERBS = ['Connect', 'Pay', 'Prompt', 'Refer', 'Sms', 'Message', 'Start', 'Stop', 'Echo'];
const UNSUPPORTED_DIAL_NOUNS = ['Queue', 'Sip', 'Sim', 'Application'];

const SSML = [
  'break',
  'emphasis',
  'lang',
  'p',
  'phoneme',
  'prosody',
  's',
  'say-as',
  'sub',
  'w',
  'amazon:effect',
];

const CHILDREN: Record<string, readonly string[]> = {
  Say: SSML,
  Play: [],
  Pause: [],
  Gather: ['Say', 'Play', 'Pause'],
  Redirect: [],
  Hangup: [],
  Reject: [],
  Record: [],
  Enqueue: [],
  Leave: [],
  Dial: ['Client', 'Number', 'Conference'],
  Client: ['Identity', 'Parameter'],
  Number: [],
  Conference: [],
  Identity: [],
  Parameter: [],
};

/** Checks a whole document before any of it is played, as Twilio does; violations fail with 12200. */
export function validateTwiml(root: TwimlElement, mode: DocumentMode, url?: string): void {
  if (root.name !== 'Response') fail(`root element must be <Response>, got <${root.name}>`, url);
  for (const verb of root.children) {
    if (UNSUPPORTED_VERBS.includes(verb.name))
      fail(`<${verb.name}> is not supported by the Twilio stand-in`, url);
    if (!(verb.name in CHILDREN) || !ALLOWED_VERBS.call.includes(verb.name))
      fail(`invalid verb <${verb.name}>`, url);
    if (!ALLOWED_VERBS[mode].includes(verb.name))
      fail(`<${verb.name}> is not allowed in a ${mode} document`, url);
    validateChildren(verb, url);
  }
}

function validateChildren(element: TwimlElement, url?: string): void {
  for (const child of element.children) {
    if (element.name === 'Dial' && UNSUPPORTED_DIAL_NOUNS.includes(child.name)) {
      fail(`<Dial><${child.name}> is not supported by the Twilio stand-in`, url);
    }
    if (!CHILDREN[element.name]?.includes(child.name))
      fail(`<${child.name}> is not allowed in <${element.name}>`, url);
    if (element.name !== 'Say') validateChildren(child, url);
  }
  if (element.name === 'Dial' && element.children.length === 0 && !element.text)
    fail('<Dial> needs a noun', url);
  if (
    element.name === 'Dial' &&
    element.children.length > 1 &&
    element.children.some((c) => c.name === 'Conference')
  ) {
    fail('<Conference> must be the only noun of its <Dial>', url);
  }
}

function fail(message: string, url?: string): never {
  throw new TwilioFault(TWILIO_ERROR.schemaValidation, `Schema validation warning: ${message}`, url);
}
