import type { ServiceLevelFormula } from './config';
import { ratio } from './ratio';

export interface ServiceLevelCounts {
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  abandonedWithinThreshold: number;
}

/** Service level as a ratio 0–1 by formula F1–F4 of docs/metrics.md; null with no call to judge. */
export function serviceLevel(formula: ServiceLevelFormula, counts: ServiceLevelCounts): number | null {
  const { answered, answeredWithinThreshold, abandoned, abandonedWithinThreshold } = counts;
  switch (formula) {
    case 'F1':
      return ratio(answeredWithinThreshold + abandonedWithinThreshold, answered + abandoned);
    case 'F2':
      return ratio(answeredWithinThreshold, answered);
    case 'F3':
      return ratio(answeredWithinThreshold, answered + abandoned);
    case 'F4':
      return ratio(answeredWithinThreshold, answered + abandoned - abandonedWithinThreshold);
  }
}
