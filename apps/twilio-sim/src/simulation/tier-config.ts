import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The tier Hotline serves callers in when it does not know them: `defaultTier` of tiers.yaml. */
export function readDefaultTier(configDir: string): string {
  const file = join(configDir, 'tiers.yaml');
  const tier = (parse(readFileSync(file, 'utf8')) as { defaultTier?: unknown }).defaultTier;
  if (typeof tier !== 'string') throw new Error(`${file}: defaultTier is missing`);
  return tier;
}
