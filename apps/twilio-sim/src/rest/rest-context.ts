import { SimServices } from '../execution/verb-context';
import { AddParticipant } from '../use-cases/add-participant.use-case';
import { AnnounceToConference } from '../use-cases/announce-to-conference.use-case';
import { CreateOutboundCall } from '../use-cases/create-outbound-call.use-case';
import { DequeueMember } from '../use-cases/dequeue-member.use-case';
import { UpdateCall } from '../use-cases/update-call.use-case';
import { UpdateParticipant } from '../use-cases/update-participant.use-case';
import { OutboundRateLimit } from './outbound-rate-limit';

/** What the REST routes need: the stand-in's state and one use case per command. */
export interface RestContext {
  services: SimServices;
  rateLimit: OutboundRateLimit;
  createOutboundCall: CreateOutboundCall;
  updateCall: UpdateCall;
  dequeueMember: DequeueMember;
  addParticipant: AddParticipant;
  updateParticipant: UpdateParticipant;
  announce: AnnounceToConference;
}

export const ACCOUNT_PATH = '/2010-04-01/Accounts/:AccountSid';

export interface AccountParams {
  AccountSid: string;
}
