/**
 * Reads a key that came from outside (a URL, a CRM record) without reaching into the prototype:
 * `nodes['constructor']` must be "no such node", not Object.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
