/**
 * Every input the routing engine was given, in order, with its time: replaying them through a new
 * engine rebuilds the same lines, agent states and offers after a restart.
 */
export interface RoutingInput {
  at: number;
  kind: string;
  data: Record<string, unknown>;
}

export abstract class RoutingJournal {
  abstract append(input: RoutingInput): Promise<void>;

  /** Inputs at or after `from`, in the order they were appended. */
  abstract since(from: number): Promise<RoutingInput[]>;
}
