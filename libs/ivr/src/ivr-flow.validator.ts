import { MappingReader, childKey, describe, type ProblemLog } from './config.reader';
import type {
  ClosedReason,
  IvrFlow,
  IvrNode,
  IvrNodeKind,
  IvrTarget,
  LanguageOption,
  LanguageTag,
  LocalizedText,
  MenuOption,
} from './ivr-config.model';
import { readLocalizedText } from './localized-text.validator';

const NODE_KINDS: readonly IvrNodeKind[] = [
  'menu',
  'language-menu',
  'message',
  'route',
  'voicemail',
  'callback',
  'hangup',
];
/** Node names travel in webhook URLs. */
const NODE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const DIGIT = /^[0-9*#]$/;
const GREETING_PLACEHOLDERS = ['name', 'tier'];

/** What a flow is checked against: the rest of the configuration and the server's queues. */
export interface FlowScope {
  log: ProblemLog;
  languages: readonly LanguageTag[];
  defaultLanguage: LanguageTag;
  calendars: readonly string[];
  queues: ReadonlySet<string>;
}

interface NodeReference {
  key: string;
  node: string;
}

/** Reads one flow of one language set; references between nodes are checked once all are read. */
class FlowReader {
  readonly references: NodeReference[] = [];

  constructor(
    readonly scope: FlowScope,
    readonly languages: readonly LanguageTag[],
  ) {}

  get log(): ProblemLog {
    return this.scope.log;
  }

  text(key: string, raw: unknown, placeholders: readonly string[] = []): LocalizedText {
    return readLocalizedText(this.log, key, raw, this.languages, placeholders);
  }

  nodeName(parent: MappingReader, name: string): string {
    const node = parent.string(name);
    if (node !== '') this.references.push({ key: parent.at(name), node });
    return node;
  }

  queue(parent: MappingReader): string {
    const queue = parent.string('queue');
    if (queue !== '' && !this.scope.queues.has(queue)) {
      const known = [...this.scope.queues].sort().join(', ');
      this.log.add(parent.at('queue'), `unknown queue "${queue}" (known: ${known})`);
    }
    return queue;
  }

  /** `next: node`, or `queue` with `reason`, in the same mapping. */
  target(parent: MappingReader): IvrTarget {
    const routes = parent.has('queue') || parent.has('reason');
    if (parent.has('next') && routes) {
      this.log.add(parent.at('next'), 'give either next or queue + reason, not both');
    }
    if (parent.has('next') || !routes) return { next: this.nodeName(parent, 'next') };
    return { queue: this.queue(parent), reason: parent.string('reason') };
  }

  digit(option: MappingReader, seen: Map<string, string>): string {
    const raw = option.raw('digit');
    const digit = typeof raw === 'number' ? String(raw) : raw;
    if (typeof digit !== 'string' || !DIGIT.test(digit)) {
      this.log.add(option.at('digit'), `must be one key of the keypad (0-9, * or #), not ${describe(raw)}`);
      return '';
    }
    const earlier = seen.get(digit);
    if (earlier !== undefined)
      this.log.add(option.at('digit'), `digit ${digit} is already used by ${earlier}`);
    else seen.set(digit, option.key);
    return digit;
  }
}

export function readFlow(scope: FlowScope, key: string, id: string, raw: unknown): IvrFlow {
  const flow = MappingReader.open(scope.log, key, raw, [
    'languages',
    'defaultLanguage',
    'languageMenu',
    'start',
    'hours',
    'afterHours',
    'greeting',
    'retryPrompts',
    'minSpeechConfidence',
    'nodes',
  ]);
  if (flow === undefined) return unreadableFlow(id, scope.defaultLanguage);
  const languages = readFlowLanguages(scope, flow);
  const reader = new FlowReader(scope, languages);
  const defaultLanguage = flow.string('defaultLanguage', 'optional') ?? scope.defaultLanguage;
  if (!languages.includes(defaultLanguage)) {
    const why = flow.has('defaultLanguage') ? '' : ' (the top-level defaultLanguage, as the flow names none)';
    scope.log.add(
      flow.at('defaultLanguage'),
      `"${defaultLanguage}" is not one of the flow's languages${why}`,
    );
  }
  const nodes = readNodes(reader, flow);
  const result: IvrFlow = {
    id,
    languages,
    defaultLanguage,
    start: reader.nodeName(flow, 'start'),
    greeting: readGreeting(reader, flow),
    retryPrompts: readRetryPrompts(reader, flow),
    minSpeechConfidence: flow.number('minSpeechConfidence', { min: 0, max: 1, fallback: 0.5 }),
    nodes,
  };
  const languageMenu = flow.has('languageMenu') ? reader.nodeName(flow, 'languageMenu') : undefined;
  if (languageMenu !== undefined) {
    result.languageMenu = languageMenu;
    const kind = nodes[languageMenu]?.kind;
    if (kind !== undefined && kind !== 'language-menu') {
      scope.log.add(flow.at('languageMenu'), `node "${languageMenu}" is a ${kind}, not a language-menu`);
    }
  }
  Object.assign(result, readHours(reader, flow));
  checkReferences(reader, nodes);
  checkMessageLoops(scope.log, flow.at('nodes'), nodes);
  checkReachable(scope.log, flow.at('nodes'), result);
  return result;
}

/** Stands in for a flow that is not even a mapping; its problem is already logged. */
function unreadableFlow(id: string, defaultLanguage: LanguageTag): IvrFlow {
  return {
    id,
    languages: [],
    defaultLanguage,
    start: '',
    greeting: { known: {} },
    retryPrompts: { noInput: {}, invalid: {} },
    minSpeechConfidence: 0,
    nodes: {},
  };
}

function readFlowLanguages(scope: FlowScope, flow: MappingReader): readonly LanguageTag[] {
  if (!flow.has('languages')) return scope.languages;
  const languages: LanguageTag[] = [];
  flow.list('languages', 'required').forEach((language, index) => {
    const key = flow.at(`languages.${index}`);
    if (typeof language !== 'string' || !scope.languages.includes(language)) {
      scope.log.add(key, `${describe(language)} is not declared under languages`);
    } else if (languages.includes(language)) {
      scope.log.add(key, `"${language}" is listed twice`);
    } else {
      languages.push(language);
    }
  });
  if (languages.length === 0) scope.log.add(flow.at('languages'), 'a flow needs at least one language');
  return languages;
}

function readHours(reader: FlowReader, flow: MappingReader): Pick<IvrFlow, 'hours' | 'afterHours'> {
  const hours = flow.string('hours', 'optional');
  if (hours === undefined) {
    if (flow.has('afterHours'))
      reader.log.add(flow.at('afterHours'), 'only used with hours, which is missing');
    return {};
  }
  if (!reader.scope.calendars.includes(hours)) {
    reader.log.add(flow.at('hours'), `unknown businessHours "${hours}"`);
  }
  const afterHours = flow.mapping('afterHours', ['closed', 'holiday']);
  if (afterHours === undefined) return { hours };
  const closed = reader.nodeName(afterHours, 'closed');
  const holiday = afterHours.has('holiday') ? reader.nodeName(afterHours, 'holiday') : closed;
  const routes: Record<ClosedReason, string> = { closed, holiday };
  return { hours, afterHours: routes };
}

function readGreeting(reader: FlowReader, flow: MappingReader): IvrFlow['greeting'] {
  const greeting = flow.optionalMapping('greeting', ['unknown', 'known']);
  const known: Record<string, LocalizedText> = {};
  if (greeting === undefined) return { known };
  for (const [tier, text] of greeting.optionalMapping('known')?.entries() ?? []) {
    known[tier] = reader.text(greeting.at(`known.${tier}`), text, GREETING_PLACEHOLDERS);
  }
  return greeting.has('unknown')
    ? { known, unknown: reader.text(greeting.at('unknown'), greeting.raw('unknown')) }
    : { known };
}

function readRetryPrompts(reader: FlowReader, flow: MappingReader): IvrFlow['retryPrompts'] {
  const retry = flow.mapping('retryPrompts', ['noInput', 'invalid']);
  if (retry === undefined) return { noInput: {}, invalid: {} };
  return {
    noInput: reader.text(retry.at('noInput'), retry.raw('noInput')),
    invalid: reader.text(retry.at('invalid'), retry.raw('invalid')),
  };
}

function readNodes(reader: FlowReader, flow: MappingReader): Record<string, IvrNode> {
  const nodes: Record<string, IvrNode> = {};
  for (const [name, raw] of flow.mapping('nodes')?.entries() ?? []) {
    const key = flow.at(`nodes.${name}`);
    if (!NODE_NAME.test(name)) {
      reader.log.add(key, 'node names are 1 to 64 letters, digits, "-" or "_" (they travel in URLs)');
    }
    const node = readNode(reader, key, raw);
    if (node !== undefined) nodes[name] = node;
  }
  return nodes;
}

function isNodeKind(kind: unknown): kind is IvrNodeKind {
  return NODE_KINDS.some((k) => k === kind);
}

function readNode(reader: FlowReader, key: string, raw: unknown): IvrNode | undefined {
  const node = MappingReader.open(reader.log, key, raw);
  if (node === undefined) return undefined;
  const kind = node.raw('kind');
  if (!isNodeKind(kind)) {
    reader.log.add(node.at('kind'), `must be one of ${NODE_KINDS.join(', ')}, not ${describe(kind)}`);
    return undefined;
  }
  node.allowOnly(['kind', ...NODE_FIELDS[kind]]);
  const prompt = (): LocalizedText => reader.text(node.at('prompt'), node.raw('prompt'));
  const optionalPrompt = (): { prompt?: LocalizedText } => (node.has('prompt') ? { prompt: prompt() } : {});
  switch (kind) {
    case 'menu':
      return {
        kind: 'menu',
        prompt: prompt(),
        options: readMenuOptions(reader, node),
        ...readPatience(node),
        fallback: readFallback(reader, node),
      };
    case 'language-menu':
      return {
        kind: 'language-menu',
        prompt: prompt(),
        options: readLanguageOptions(reader, node),
        ...readPatience(node),
      };
    case 'message':
      return { kind: 'message', prompt: prompt(), next: reader.target(node) };
    case 'route':
      return { kind: 'route', queue: reader.queue(node), reason: node.string('reason'), ...optionalPrompt() };
    case 'voicemail':
      return {
        kind: 'voicemail',
        prompt: prompt(),
        maxLengthSeconds: node.number('maxLengthSeconds', { min: 5, max: 600, fallback: 120, integer: true }),
      };
    case 'callback':
      return { kind: 'callback', prompt: prompt(), queue: reader.queue(node), reason: node.string('reason') };
    case 'hangup':
      return { kind: 'hangup', ...optionalPrompt() };
  }
}

const NODE_FIELDS: Readonly<Record<IvrNodeKind, readonly string[]>> = {
  menu: ['prompt', 'options', 'timeoutSeconds', 'maxAttempts', 'fallback'],
  'language-menu': ['prompt', 'options', 'timeoutSeconds', 'maxAttempts'],
  message: ['prompt', 'next', 'queue', 'reason'],
  route: ['queue', 'reason', 'prompt'],
  voicemail: ['prompt', 'maxLengthSeconds'],
  callback: ['prompt', 'queue', 'reason'],
  hangup: ['prompt'],
};

function readPatience(node: MappingReader): { timeoutSeconds: number; maxAttempts: number } {
  return {
    timeoutSeconds: node.number('timeoutSeconds', { min: 1, max: 60, fallback: 5, integer: true }),
    maxAttempts: node.number('maxAttempts', { min: 1, max: 10, fallback: 3, integer: true }),
  };
}

function readFallback(reader: FlowReader, node: MappingReader): IvrTarget {
  const fallback = node.mapping('fallback', ['next', 'queue', 'reason']);
  return fallback === undefined ? { next: '' } : reader.target(fallback);
}

function readMenuOptions(reader: FlowReader, node: MappingReader): MenuOption[] {
  const digits = new Map<string, string>();
  const keywordOwners = new Map<string, string>();
  const options = node.list('options', 'required').map((raw, index): MenuOption => {
    const option = MappingReader.open(reader.log, node.at(`options.${index}`), raw, [
      'digit',
      'keywords',
      'next',
      'queue',
      'reason',
    ]);
    if (option === undefined) return { digit: '', keywords: {}, target: { next: '' } };
    return {
      digit: reader.digit(option, digits),
      keywords: readKeywords(reader, option, keywordOwners),
      target: reader.target(option),
    };
  });
  if (options.length === 0) reader.log.add(node.at('options'), 'a menu needs at least one option');
  return options;
}

/** Keywords are compared lower-cased, and one keyword may pick only one option of a menu. */
function readKeywords(
  reader: FlowReader,
  option: MappingReader,
  owners: Map<string, string>,
): Record<LanguageTag, string[]> {
  const keywords: Record<LanguageTag, string[]> = {};
  for (const [language, list] of option.optionalMapping('keywords')?.entries() ?? []) {
    const key = option.at(`keywords.${language}`);
    if (!reader.languages.includes(language)) {
      reader.log.add(
        key,
        `language "${language}" is not spoken in this flow (only ${reader.languages.join(', ')})`,
      );
    }
    if (!Array.isArray(list)) {
      reader.log.add(key, `must be a list of words, not ${describe(list)}`);
      continue;
    }
    keywords[language] = list.map((word, index) => {
      const wordKey = childKey(key, index);
      if (typeof word !== 'string' || word.trim() === '') {
        reader.log.add(wordKey, `must be a non-empty string, not ${describe(word)}`);
        return '';
      }
      const normalized = word.trim().toLowerCase();
      const owner = owners.get(`${language}:${normalized}`);
      if (owner !== undefined && owner !== option.key) {
        reader.log.add(wordKey, `keyword "${normalized}" is also used by ${owner}`);
      }
      owners.set(`${language}:${normalized}`, option.key);
      return normalized;
    });
  }
  return keywords;
}

function readLanguageOptions(reader: FlowReader, node: MappingReader): LanguageOption[] {
  const digits = new Map<string, string>();
  const options = node.list('options', 'required').map((raw, index): LanguageOption => {
    const option = MappingReader.open(reader.log, node.at(`options.${index}`), raw, ['digit', 'language']);
    if (option === undefined) return { digit: '', language: '' };
    const digit = reader.digit(option, digits);
    const language = option.string('language');
    if (language !== '' && !reader.languages.includes(language)) {
      reader.log.add(option.at('language'), `"${language}" is not one of the flow's languages`);
    }
    return { digit, language };
  });
  if (options.length === 0) reader.log.add(node.at('options'), 'a language menu needs at least one option');
  return options;
}

function checkReferences(reader: FlowReader, nodes: Readonly<Record<string, IvrNode>>): void {
  for (const { key, node } of reader.references) {
    if (!Object.hasOwn(nodes, node)) reader.log.add(key, `unknown node "${node}"`);
  }
}

/** Message nodes are said one after the other in a single response, so they must not go round. */
function checkMessageLoops(log: ProblemLog, key: string, nodes: Readonly<Record<string, IvrNode>>): void {
  const reported = new Set<string>();
  for (const start of Object.keys(nodes)) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !path.includes(current)) {
      path.push(current);
      const node: IvrNode | undefined = nodes[current];
      current = node?.kind === 'message' && 'next' in node.next ? node.next.next : undefined;
    }
    if (current !== undefined && current === start && !path.some((n) => reported.has(n))) {
      path.forEach((n) => reported.add(n));
      log.add(
        childKey(key, start),
        `messages go round without asking anything: ${[...path, start].join(' → ')}`,
      );
    }
  }
}

function checkReachable(log: ProblemLog, key: string, flow: IvrFlow): void {
  const roots = [flow.start, flow.languageMenu, flow.afterHours?.closed, flow.afterHours?.holiday];
  const reached = new Set<string>();
  const queue = roots.filter((n): n is string => n !== undefined);
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const node = Object.hasOwn(flow.nodes, name) ? flow.nodes[name] : undefined;
    if (node === undefined || reached.has(name)) continue;
    reached.add(name);
    queue.push(...successors(node));
  }
  for (const name of Object.keys(flow.nodes).filter((n) => !reached.has(n))) {
    log.add(childKey(key, name), 'unreachable: nothing leads here from start, languageMenu or afterHours');
  }
}

function successors(node: IvrNode): string[] {
  const targets: IvrTarget[] =
    node.kind === 'menu'
      ? [...node.options.map((o) => o.target), node.fallback]
      : node.kind === 'message'
        ? [node.next]
        : [];
  return targets.flatMap((t) => ('next' in t ? [t.next] : []));
}
