/**
 * Messages between the load benchmark (which hosts the server under test) and its load generator
 * (a child process, so the two never share an event loop).
 */

export interface Account {
  accountSid: string;
  authToken: string;
  /** The URL Twilio is told to call: signatures are computed against it, not against the socket. */
  publicBaseUrl: string;
}

export interface StepOrder {
  type: 'step';
  /** Where the server under test listens (http://127.0.0.1:port). */
  origin: string;
  account: Account;
  targetRps: number;
  seconds: number;
  /** 6 hex digits, unique per step in a run: every CallSid of the step starts with CA + this. */
  callSidPrefix: string;
}

/** One call the generator drove, and the events its answered requests must have stored. */
export interface DrivenCall {
  callSid: string;
  expectedEvents: number;
  /** A request of this call failed: its events may or may not be stored. */
  failed: boolean;
}

export interface StepReport {
  type: 'report';
  requests: number;
  answered: number;
  errors: number;
  /** Errors by kind (HTTP status, timeout, missing TwiML element, unfinished at the deadline). */
  errorKinds: Record<string, number>;
  achievedRps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  calls: DrivenCall[];
}

export type GeneratorOrder = StepOrder | { type: 'exit' };

/** Orders to the process that hosts Hotline under test; each is answered by one HostReply. */
export type HostOrder =
  | { type: 'start'; db: 'sqlite' | 'mariadb'; mariadbUrl: string; configDir: string; account: Account }
  /** From now on, count Hotline's CPU time and sample how late its event loop runs. */
  | { type: 'watch' }
  /** Stop watching; report what was watched and the events stored for the step's calls. */
  | { type: 'report'; callSidPrefix: string }
  | { type: 'close' };

export interface HostStepReport {
  type: 'step';
  /** CPU time of the whole process, all its threads (GC, I/O), while watched. */
  cpuMs: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** call_events rows stored per CallSid of the step. */
  stored: [string, number][];
}

export type HostReply =
  | { type: 'started'; origin: string; server: string | null }
  | { type: 'watching' }
  | HostStepReport
  | { type: 'closed' };
