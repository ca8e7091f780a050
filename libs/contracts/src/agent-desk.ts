/**
 * REST views of the agent desktop (`/agent`) beyond the agent's state: the configuration it needs
 * (`GET /api/agents/me/settings`) and the agent's own figures for today (`GET /api/agents/me/today`).
 */

export interface AgentDeskSettingsView {
  /** Reason codes the agent may give for going away (agents.yaml). */
  awayReasons: string[];
  /** Wrap-up seconds after a call, for each queue the agent serves. */
  wrapUpSeconds: Record<string, number>;
}

/** The agent's figures since the contact center's local midnight. */
export interface AgentTodayView {
  /** Local midnight and the next one, ms since the epoch. */
  from: number;
  to: number;
  /** When the figures were computed. */
  at: number;
  offers: number;
  /** Offers that rang out or were declined. */
  missedOffers: number;
  /** Calls whose wrap-up ended. */
  handled: number;
  /** Talk + hold + wrap-up per handled call; null before the first. */
  ahtSeconds: number | null;
  /** Today's first contacts the agent handled. */
  firstContacts: number;
  /** Of those, resolved and not (yet) repeated within the FCR window: the provisional FCR rate. */
  provisionalFcrResolved: number;
  provisionalFcrRate: number | null;
}
