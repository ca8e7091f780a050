/**
 * Masks a phone number for logs and wallboards. It keeps the first two digits (the country code,
 * or most of it) and the last four, so that a person can still tell calls apart:
 * +8613800138000 → +86*******8000.
 */
export function maskPhone(value: string): string {
  const match = /^\+(\d{2})(\d+)(\d{4})$/.exec(value);
  if (match) return `+${match[1]}${'*'.repeat(match[2].length)}${match[3]}`;
  if (value.startsWith('client:')) return value;
  return value.length > 4 ? `${'*'.repeat(value.length - 4)}${value.slice(-4)}` : '****';
}
