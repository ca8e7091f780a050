/** Twilio writes dates as RFC 2822 in UTC: `Tue, 31 Aug 2010 20:36:28 +0000`. */
export function toRfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function toRfc2822OrNull(date: Date | undefined): string | null {
  return date ? toRfc2822(date) : null;
}
