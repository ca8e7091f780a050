import { SimClock } from '../core/sim-clock';
import { HotlineClient, HotlineRequestError } from './hotline-client';
import { RandomSource } from './random-source';
import { AgentAccount, AgentBehaviour, AgentObserver, SimulatedAgent } from './simulated-agent';

/** Simulated agents' accounts: `sim_agent_1`, …; the demo agent1… accounts stay free for people. */
export const SIMULATED_AGENT_PREFIX = 'sim_agent_';
export const SIMULATED_AGENT_PASSWORD = 'sim-agent-demo';

export interface RosterOptions {
  hotlineUrl: string;
  standInUrl: string;
  /** An admin's session: simulated agents' accounts are created through `POST /api/agents`. */
  admin: HotlineClient;
  count: number;
  /** The queues the agents serve. */
  queues: string[];
  behaviour: AgentBehaviour;
  clock: SimClock;
  random: RandomSource;
  observer: AgentObserver;
}

/**
 * Creates the simulated agents' accounts (kept when they exist from an earlier run on the same
 * database) and starts them; resolves once every agent is available.
 */
export async function startAgents(options: RosterOptions): Promise<SimulatedAgent[]> {
  const accounts: AgentAccount[] = [];
  for (let i = 1; i <= options.count; i++) {
    const account = { username: `${SIMULATED_AGENT_PREFIX}${i}`, password: SIMULATED_AGENT_PASSWORD };
    await createAgentAccount(options.admin, account, `Simulated Agent ${i}`, options.queues);
    accounts.push(account);
  }
  const agents = accounts.map(
    (account) =>
      new SimulatedAgent(
        account,
        { hotline: options.hotlineUrl, standIn: options.standInUrl },
        options.behaviour,
        options.clock,
        options.random,
        options.observer,
      ),
  );
  await Promise.all(agents.map((agent) => agent.start()));
  return agents;
}

/** Creates an agent account serving `queues`; one left from an earlier run on the same database is kept. */
export async function createAgentAccount(
  admin: HotlineClient,
  account: AgentAccount,
  displayName: string,
  queues: string[],
): Promise<void> {
  try {
    await admin.request('POST', '/api/agents', {
      ...account,
      displayName,
      queues: queues.map((queue) => ({ queue })),
    });
  } catch (error) {
    if (!(error instanceof HotlineRequestError && error.status === 409)) throw error;
  }
}
