import { RepeatRule } from '@hotline/metrics';
import { Settings } from '../config/settings';

/** The FCR repeat rule of crm.yaml. */
export function repeatRuleOf(settings: Settings): RepeatRule {
  const { fcr } = settings.contactCenter.crm;
  return { windowMs: fcr.windowSeconds * 1000, unknownReasons: fcr.unknownReasons };
}
