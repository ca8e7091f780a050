import { CustomerRecord } from '@hotline/persistence';

/** What a client may set on a customer; the tier they are served in is derived from these. */
export interface CustomerFields {
  phone: string;
  name: string;
  language: string;
  tierOverride: string | null;
  value: number | null;
  notes: string;
}

export const CUSTOMER_FIELDS = ['phone', 'name', 'language', 'tierOverride', 'value', 'notes'] as const;

const E164 = /^\+[1-9]\d{1,14}$/;
const MAX_NAME = 200;
const MAX_NOTES = 2000;

export interface FieldRules {
  languages: readonly string[];
  isKnownTier(tier: string): boolean;
}

/** One reason a field was refused, e.g. `phone: must be E.164, like +8613800138000`. */
export type FieldProblem = string;

function checkField(name: keyof CustomerFields, value: unknown, rules: FieldRules): FieldProblem | null {
  switch (name) {
    case 'phone':
      return typeof value === 'string' && E164.test(value)
        ? null
        : 'phone: must be E.164, like +8613800138000';
    case 'name':
      return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_NAME
        ? null
        : `name: must be 1 to ${MAX_NAME} characters`;
    case 'language':
      return typeof value === 'string' && rules.languages.includes(value)
        ? null
        : `language: must be one of ${rules.languages.join(', ')}`;
    case 'tierOverride':
      return value === null || (typeof value === 'string' && rules.isKnownTier(value))
        ? null
        : `tier: must be a tier of tiers.yaml or empty (got ${JSON.stringify(value)})`;
    case 'value':
      return value === null || (Number.isSafeInteger(value) && (value as number) >= 0)
        ? null
        : `value: must be a whole number from 0, or empty (got ${JSON.stringify(value)})`;
    case 'notes':
      return typeof value === 'string' && value.length <= MAX_NOTES
        ? null
        : `notes: must be text of at most ${MAX_NOTES} characters`;
  }
}

/**
 * Checks the fields given (a patch, or a whole customer): every problem is reported, unknown
 * fields included, so one round of corrections is enough.
 */
export function checkCustomerFields(
  input: Record<string, unknown>,
  rules: FieldRules,
): { fields: Partial<CustomerFields>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (!(CUSTOMER_FIELDS as readonly string[]).includes(name)) {
      problems.push(`${name}: is not a customer field (expected one of: ${CUSTOMER_FIELDS.join(', ')})`);
      continue;
    }
    const problem = checkField(name as keyof CustomerFields, value, rules);
    if (problem) problems.push(problem);
    else fields[name] = name === 'name' ? (value as string).trim() : value;
  }
  return { fields: fields as Partial<CustomerFields>, problems };
}

/** A customer's settable fields as stored. */
export function fieldsOf(customer: CustomerRecord): CustomerFields {
  return {
    phone: customer.phone,
    name: customer.name,
    language: customer.language,
    tierOverride: customer.tierOverride ?? null,
    value: customer.value ?? null,
    notes: customer.notes ?? '',
  };
}
