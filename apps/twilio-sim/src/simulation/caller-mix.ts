import { CallerPlan } from './caller-plan';
import { MenuPaths, MenuRoute } from './ivr-menu-paths';
import { exponential, RandomSource, weightedPick } from './random-source';

/** Who calls and how they behave; every share is from 0 to 1, every weight relative. */
export interface CallerMixOptions {
  /** Tiers of known customers, by weight (unknown callers are served in the default tier). */
  tiers: Record<string, number>;
  /** The tier Hotline gives callers it does not know (`defaultTier` of tiers.yaml). */
  defaultTier: string;
  /** Share of calls from numbers Hotline knows as customers. */
  knownShare: number;
  /** Languages callers speak, by weight; unknown callers pick theirs at the language menu. */
  languages: Record<string, number>;
  /** Queues callers ask for at the menus, by weight; absent: every menu path equally. */
  queues?: Record<string, number>;
  /** Mean seconds a caller waits for an agent before hanging up (exponential). */
  patienceSeconds: number;
  /** Share of callers who press 1 for a call back at the first or second offer in the wait loop. */
  callbackShare: number;
  /** Share of callers who answer the post-call survey when it is asked. */
  surveyShare: number;
}

/** A customer Hotline must know before the calls (created by CSV import). */
export interface SimulatedCustomer {
  phone: string;
  name: string;
  language: string;
  tier: string;
}

/** One simulated call: who calls, which menu path they take, and their plan. */
export interface CallerProfile {
  number: string;
  known: boolean;
  tier: string;
  language: string;
  route: MenuRoute;
  plan: CallerPlan;
}

const CSAT_WEIGHTS = { '1': 1, '2': 1, '3': 2, '4': 4, '5': 6 };

/**
 * Draws callers from the mix. Known callers are the customers of a fixed book, called on in turn,
 * so a book as large as the run makes every known caller a first-time caller and a smaller one
 * brings repeat callers; unknown callers get numbers nobody else uses.
 */
export class CallerMix {
  readonly customers: SimulatedCustomer[];
  private readonly unknownBase: number;
  private nextCustomer = 0;
  private nextUnknown = 0;

  constructor(
    private readonly options: CallerMixOptions,
    private readonly paths: MenuPaths,
    private readonly random: RandomSource,
    book: { size: number; numberBase: number },
  ) {
    for (const language of Object.keys(options.languages)) {
      if (paths.languageDigits[language] === undefined) {
        throw new Error(`language ${language} is not offered at the IVR's language menu`);
      }
    }
    this.customers = Array.from({ length: book.size }, (_, i) => ({
      phone: `+86139${String(book.numberBase + i).padStart(8, '0')}`,
      name: `Sim Customer ${i + 1}`,
      language: weightedPick(random, options.languages),
      tier: weightedPick(random, options.tiers),
    }));
    this.unknownBase = book.numberBase;
  }

  next(): CallerProfile {
    const known = this.customers.length > 0 && this.random() < this.options.knownShare;
    const customer = known ? this.customers[this.nextCustomer++ % this.customers.length] : undefined;
    const language = customer?.language ?? weightedPick(this.random, this.options.languages);
    const route = this.pickRoute();
    const ivrDigits = customer ? route.digits : [this.paths.languageDigits[language], ...route.digits];
    const wantsCallback = this.random() < this.options.callbackShare;
    const answersSurvey = this.random() < this.options.surveyShare;
    return {
      number: customer?.phone ?? `+86137${String(this.unknownBase + this.nextUnknown++).padStart(8, '0')}`,
      known,
      tier: customer?.tier ?? this.options.defaultTier,
      language,
      route,
      plan: {
        ivrDigits,
        patienceSeconds: exponential(this.random, this.options.patienceSeconds),
        callbackAtOffer: wantsCallback ? 1 + Math.floor(this.random() * 2) : undefined,
        surveyDigits: answersSurvey ? this.surveyDigits() : undefined,
      },
    };
  }

  private pickRoute(): MenuRoute {
    const routes = this.paths.routes;
    if (!this.options.queues) return routes[Math.floor(this.random() * routes.length)];
    const queue = weightedPick(this.random, this.options.queues);
    const candidates = routes.filter((r) => r.queue === queue);
    if (candidates.length === 0) throw new Error(`no IVR menu path leads to queue ${queue}`);
    return candidates[Math.floor(this.random() * candidates.length)];
  }

  /** CSAT mostly 4–5, resolved 4 times in 5, NPS 0–10 ended with # (its question takes several keys). */
  private surveyDigits(): string[] {
    const csat = weightedPick(this.random, CSAT_WEIGHTS);
    const resolved = this.random() < 0.8 ? '1' : '2';
    const nps = String(Math.floor(this.random() * 11));
    return [csat, resolved, `${nps}#`];
  }
}
