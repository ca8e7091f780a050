import type { ElsewhereRoute } from '@hotline/contracts';
import { openingStatus } from './business-hours.evaluator';
import type {
  ClosedReason,
  IvrConfig,
  IvrFlow,
  IvrTarget,
  LanguageMenuNode,
  LanguageTag,
  LocalizedText,
  MenuNode,
} from './ivr-config.model';
import type {
  GatherMode,
  IvrCaller,
  IvrEvent,
  IvrInput,
  IvrOutcome,
  IvrPosition,
  IvrPrompt,
  IvrStep,
} from './ivr-step.model';
import type { LocalTimeResolver } from './local-time.port';
import { matchMenuAnswer } from './menu-input.matcher';
import { ownValue } from './own-value.util';
import { sayIn } from './prompt.builder';
import { fillTemplate } from './text.template';

type Retry = 'noInput' | 'invalid';

/**
 * Runs IVR flows: from the configuration, who is calling, where they stand and what they answered,
 * decides the next step as plain data. Deterministic: no clock, no I/O.
 */
export class IvrInterpreter {
  constructor(
    private readonly config: IvrConfig,
    private readonly localTime: LocalTimeResolver,
  ) {}

  /** First step of a call: greeting, language, and the flow's entry for the time of day. */
  enter(flowId: string, caller: IvrCaller, nowMs: number): IvrOutcome {
    const flow = this.flow(flowId);
    const settled = caller.language !== undefined && flow.languages.includes(caller.language);
    const language = settled && caller.language !== undefined ? caller.language : flow.defaultLanguage;
    const closed = this.closedReason(flow, nowMs);
    const walk = new FlowWalk(this.config, flow, language, closed);
    const greeting = greetingText(this.config, flow, caller, language);
    if (greeting !== undefined) walk.sayText(greeting);
    const first = !settled && flow.languageMenu !== undefined ? flow.languageMenu : entryNode(flow, closed);
    return walk.arrive(first, 1);
  }

  /** The step after the caller answered (or did not answer) the question at `position`. */
  advance(position: IvrPosition, input: IvrInput): IvrOutcome {
    const flow = this.flow(position.flow);
    const language = flow.languages.includes(position.language) ? position.language : flow.defaultLanguage;
    const walk = new FlowWalk(this.config, flow, language, position.afterHours);
    const node = ownValue(flow.nodes, position.node);
    // A configuration reload may have removed the node the caller stood on: start over.
    if (node === undefined) return walk.arrive(entryNode(flow, position.afterHours), 1);
    if (node.kind === 'menu') return walk.answerMenu(position, node, input);
    if (node.kind === 'language-menu') return walk.answerLanguageMenu(position, node, input);
    return walk.arrive(position.node, 1);
  }

  private flow(flowId: string): IvrFlow {
    const flow = ownValue(this.config.flows, flowId);
    if (flow === undefined) throw new Error(`IVR.UNKNOWN_FLOW: no IVR flow "${flowId}"`);
    return flow;
  }

  private closedReason(flow: IvrFlow, nowMs: number): ClosedReason | undefined {
    if (flow.hours === undefined) return undefined;
    const hours = this.config.businessHours[flow.hours];
    const status = openingStatus(hours, this.localTime(nowMs, hours.timeZone));
    return status.open ? undefined : status.reason;
  }
}

function entryNode(flow: IvrFlow, closed: ClosedReason | undefined): string {
  return closed !== undefined && flow.afterHours !== undefined ? flow.afterHours[closed] : flow.start;
}

/**
 * Known callers are greeted by tier (else by the 'default' greeting); a greeting that needs a value
 * the CRM does not have, such as `{name}`, gives way to the next one.
 */
function greetingText(
  config: IvrConfig,
  flow: IvrFlow,
  caller: IvrCaller,
  language: LanguageTag,
): string | undefined {
  const { known, unknown } = flow.greeting;
  const tier = caller.tier;
  const candidates = caller.known
    ? [tier === undefined ? undefined : ownValue(known, tier), ownValue(known, 'default'), unknown]
    : [unknown];
  const tierName = tier === undefined ? undefined : (ownValue(config.tierNames, tier)?.[language] ?? tier);
  const values = { name: caller.name, tier: tierName };
  for (const candidate of candidates) {
    const text = candidate === undefined ? undefined : fillTemplate(candidate[language], values);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** One request's walk through a flow: collects what is said and logged until a step is reached. */
class FlowWalk {
  private readonly prompts: IvrPrompt[] = [];
  private readonly events: IvrEvent[] = [];
  private hops = 0;

  constructor(
    private readonly config: IvrConfig,
    private readonly flow: IvrFlow,
    private language: LanguageTag,
    private readonly afterHours: ClosedReason | undefined,
  ) {}

  sayText(text: string, language = this.language): void {
    this.prompts.push(sayIn(this.config, language, text));
  }

  answerMenu(position: IvrPosition, menu: MenuNode, input: IvrInput): IvrOutcome {
    this.logAnswer(position, input);
    const answer = matchMenuAnswer(menu.options, input, this.language, this.flow.minSpeechConfidence);
    if (answer.kind === 'chosen') return this.go(answer.option.target);
    if (position.attempt < menu.maxAttempts) {
      return this.arrive(position.node, position.attempt + 1, answer.kind === 'none' ? 'noInput' : 'invalid');
    }
    return this.go(menu.fallback);
  }

  answerLanguageMenu(position: IvrPosition, menu: LanguageMenuNode, input: IvrInput): IvrOutcome {
    this.logAnswer(position, input);
    const chosen = input.kind === 'digits' ? menu.options.find((o) => o.digit === input.digits) : undefined;
    if (chosen === undefined && position.attempt < menu.maxAttempts) {
      return this.arrive(position.node, position.attempt + 1);
    }
    // Callers who never choose carry on in the flow's default language rather than being dropped.
    this.language = chosen?.language ?? this.flow.defaultLanguage;
    return this.arrive(entryNode(this.flow, this.afterHours), 1);
  }

  arrive(nodeId: string, attempt: number, retry?: Retry): IvrOutcome {
    this.hops += 1;
    if (this.hops > Object.keys(this.flow.nodes).length) {
      throw new Error(`IVR.MESSAGE_LOOP: flow "${this.flow.id}" loops through messages at "${nodeId}"`);
    }
    const node = this.flow.nodes[nodeId];
    switch (node.kind) {
      case 'menu':
        if (retry !== undefined) this.say(this.flow.retryPrompts[retry]);
        this.say(node.prompt);
        return this.gather(nodeId, attempt, node);
      case 'language-menu':
        for (const [language, text] of Object.entries(node.prompt)) this.sayText(text, language);
        return this.gather(nodeId, attempt, node);
      case 'message':
        this.say(node.prompt);
        return this.go(node.next);
      case 'route':
        this.say(node.prompt);
        return this.enqueue(node.queue, node.reason);
      case 'voicemail':
        this.say(node.prompt);
        return this.finish(
          { ...this.said(), kind: 'voicemail', maxLengthSeconds: node.maxLengthSeconds },
          'voicemail',
        );
      case 'callback':
        this.say(node.prompt);
        return this.finish(
          { ...this.said(), kind: 'callback', queue: node.queue, reason: node.reason },
          'callback',
        );
      case 'hangup':
        this.say(node.prompt);
        return this.finish({ ...this.said(), kind: 'message-hangup' }, 'message');
    }
  }

  private go(target: IvrTarget): IvrOutcome {
    return 'next' in target ? this.arrive(target.next, 1) : this.enqueue(target.queue, target.reason);
  }

  private enqueue(queue: string, reason: string): IvrOutcome {
    this.events.push({ type: 'ivr.routed', data: { queue, reason } });
    return this.finish({ ...this.said(), kind: 'enqueue', queue, reason }, 'queue');
  }

  private gather(node: string, attempt: number, menu: MenuNode | LanguageMenuNode): IvrOutcome {
    const hints = menu.kind === 'menu' ? keywordsIn(menu, this.language) : [];
    const input: GatherMode[] = hints.length > 0 ? ['dtmf', 'speech'] : ['dtmf'];
    const position: IvrPosition = { flow: this.flow.id, node, attempt, language: this.language };
    if (this.afterHours !== undefined) position.afterHours = this.afterHours;
    const speech =
      hints.length > 0 ? { speechLanguage: this.config.languages[this.language].speechLanguage } : {};
    return this.outcome({
      ...this.said(),
      kind: 'gather',
      position,
      input,
      timeoutSeconds: menu.timeoutSeconds,
      numDigits: 1,
      hints,
      ...speech,
    });
  }

  private finish(step: IvrStep, route: ElsewhereRoute): IvrOutcome {
    if (this.afterHours !== undefined) {
      this.events.push({ type: 'call.after-hours', data: { route, reason: this.afterHours } });
    }
    return this.outcome(step);
  }

  private outcome(step: IvrStep): IvrOutcome {
    return { step, events: this.events };
  }

  private said(): { language: LanguageTag; prompts: readonly IvrPrompt[] } {
    return { language: this.language, prompts: this.prompts };
  }

  private say(text: LocalizedText | undefined): void {
    if (text !== undefined) this.sayText(text[this.language]);
  }

  private logAnswer(position: IvrPosition, input: IvrInput): void {
    const answer = describeInput(input);
    const data = { node: position.node, attempt: position.attempt };
    this.events.push({ type: 'ivr.step', data: answer === undefined ? data : { ...data, input: answer } });
  }
}

function keywordsIn(menu: MenuNode, language: LanguageTag): string[] {
  return [...new Set(menu.options.flatMap((o) => o.keywords[language] ?? []))];
}

function describeInput(input: IvrInput): string | undefined {
  if (input.kind === 'digits') return input.digits;
  if (input.kind === 'speech') return `speech:${input.text}`;
  return undefined;
}
