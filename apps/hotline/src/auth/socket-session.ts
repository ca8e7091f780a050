import type { Socket } from 'socket.io';

/** The longest delay a Node timer accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than the access token it was opened with: when the token expires,
 * `end` runs (it tells the client and disconnects it; the client reconnects with a refreshed
 * token). A socket that closes first cancels it.
 */
export function endWithToken(socket: Socket, expiresAt: number, end: () => void): void {
  // Tokens expire by the wall clock, whatever clock the contact center runs on.
  const timer = setTimeout(end, Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS));
  timer.unref();
  socket.once('disconnect', () => clearTimeout(timer));
}
