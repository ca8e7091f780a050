/**
 * An error the caller can act on, with a stable code (e.g. `AUTH.INVALID_CREDENTIALS`) that
 * clients and integrators match on, and the HTTP status it maps to at the edge.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
