import { Injectable } from '@nestjs/common';
import { CallRecord } from '@hotline/persistence';
import { Settings } from '../config/settings';
import { PreferredAgent, PreferredAgentPolicy } from '../routing/preferred-agent.policy';
import { ContactHistory } from './contact-history';

/**
 * A repeat caller with an open case goes first to the agent who owns it — the agent of the case's
 * first contact — for up to `caseOwnership.preferOwnerSeconds`. Whether that agent is logged in,
 * and what happens when the time is up, is the routing engine's business.
 */
@Injectable()
export class CaseOwnershipPolicy extends PreferredAgentPolicy {
  private readonly preferMs: number;

  constructor(
    private readonly history: ContactHistory,
    settings: Settings,
  ) {
    super();
    this.preferMs = settings.contactCenter.crm.preferOwnerSeconds * 1000;
  }

  async preferredAgentFor(call: CallRecord, now: number): Promise<PreferredAgent | null> {
    if (this.preferMs === 0) return null;
    const owner = (await this.history.openCase(call, now))?.first.agent;
    return owner ? { agentId: owner, until: now + this.preferMs } : null;
  }
}
