export type AcdErrorCode =
  | 'ACD.INVALID_CONFIG'
  | 'ACD.INVALID_PROFILE'
  | 'ACD.UNKNOWN_QUEUE'
  | 'ACD.UNKNOWN_TIER'
  | 'ACD.UNKNOWN_AGENT';

/** A request the engine cannot honour; `code` is stable, the message is for people. */
export class AcdError extends Error {
  constructor(
    readonly code: AcdErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AcdError';
  }
}
