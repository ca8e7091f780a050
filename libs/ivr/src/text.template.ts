const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Names of the `{placeholders}` in a text, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Fills `{placeholders}`; undefined when one has no value, so that the caller can fall back to a
 * text that does not need it rather than say a sentence with a hole.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const missing = placeholdersOf(template).some((name) => values[name] === undefined);
  return missing ? undefined : template.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
}
