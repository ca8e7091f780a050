import type { FcrContact } from './fcr-contacts';

/** How contacts are tied together into cases (docs/metrics.md, first-contact resolution). */
export interface RepeatRule {
  /** The repeat window W in ms: a contact less than W after a matching one is a repeat of it. */
  windowMs: number;
  /** Reasons that say nothing about the issue (e.g. the IVR's "no choice"): treated as unknown. */
  unknownReasons?: readonly string[];
}

/** How one contact stands, given every contact of its customer. */
export interface ClassifiedContact {
  contact: FcrContact;
  /** A matching contact came less than W before it: it reopens that case. */
  repeat: boolean;
  /** A matching contact came less than W after it, so it did not settle the issue. */
  repeated: boolean;
}

/** Contacts of one customer about one issue: a first contact and the repeats that followed it. */
export interface ContactCase {
  first: FcrContact;
  /** Every contact of the case, oldest first, the first contact included. */
  contacts: FcrContact[];
}

function isUnknown(reason: string | null, rule: RepeatRule): boolean {
  return reason === null || (rule.unknownReasons ?? []).includes(reason);
}

/** Two contacts are about the same issue when their reasons are equal or either is unknown. */
export function reasonsMatch(a: string | null, b: string | null, rule: RepeatRule): boolean {
  return isUnknown(a, rule) || isUnknown(b, rule) || a === b;
}

/** `later` counts as a repeat of `earlier`: same customer, matching reason, less than W apart. */
function repeats(later: FcrContact, earlier: FcrContact, rule: RepeatRule): boolean {
  const gap = later.at - earlier.at;
  return gap >= 0 && gap < rule.windowMs && reasonsMatch(earlier.reason, later.reason, rule);
}

function byTime(a: FcrContact, b: FcrContact): number {
  return a.at - b.at || a.callSid.localeCompare(b.callSid);
}

function byCustomer(contacts: readonly FcrContact[]): FcrContact[][] {
  const groups = new Map<string, FcrContact[]>();
  for (const contact of contacts) {
    const own = groups.get(contact.customer);
    if (own) own.push(contact);
    else groups.set(contact.customer, [contact]);
  }
  return [...groups.values()].map((own) => own.sort(byTime));
}

/** Marks every contact as a repeat or a first contact, and whether a repeat followed it. */
export function classifyContacts(contacts: readonly FcrContact[], rule: RepeatRule): ClassifiedContact[] {
  return byCustomer(contacts).flatMap((own) =>
    own.map((contact, i) => ({
      contact,
      repeat: own.slice(0, i).some((earlier) => repeats(contact, earlier, rule)),
      repeated: own.slice(i + 1).some((later) => repeats(later, contact, rule)),
    })),
  );
}

/**
 * The cases of one customer's contacts: each contact joins the case of the latest earlier contact
 * it repeats, or opens a case of its own.
 */
export function casesOf(contacts: readonly FcrContact[], rule: RepeatRule): ContactCase[] {
  const cases: ContactCase[] = [];
  const caseOf = new Map<FcrContact, ContactCase>();
  for (const own of byCustomer(contacts)) {
    own.forEach((contact, i) => {
      const earlier = own
        .slice(0, i)
        .reverse()
        .find((candidate) => repeats(contact, candidate, rule));
      const joined = earlier ? caseOf.get(earlier) : undefined;
      if (joined) joined.contacts.push(contact);
      else cases.push({ first: contact, contacts: [contact] });
      caseOf.set(contact, joined ?? cases[cases.length - 1]);
    });
  }
  return cases;
}

/**
 * The case a new contact of this customer about `reason` at `now` would reopen: the case of their
 * latest matching contact less than W ago; null when there is none.
 */
export function openCaseFor(
  contacts: readonly FcrContact[],
  reason: string | null,
  now: number,
  rule: RepeatRule,
): ContactCase | null {
  const cases = casesOf(
    contacts.filter((contact) => contact.at <= now),
    rule,
  );
  let found: { contact: FcrContact; within: ContactCase } | null = null;
  for (const within of cases) {
    for (const contact of within.contacts) {
      const open = now - contact.at < rule.windowMs && reasonsMatch(contact.reason, reason, rule);
      if (open && (found === null || byTime(contact, found.contact) > 0)) found = { contact, within };
    }
  }
  return found?.within ?? null;
}
