import { IvrInterpreter } from '@hotline/ivr';
import { Settings } from '../config/settings';
import { intlLocalTime } from '../shared/local-time';

/** The flow every call to the hotline number enters. */
export const MAIN_FLOW = 'main';

/** The IVR interpreter over the validated configuration, with real time zones. */
export class IvrEngine extends IvrInterpreter {
  static fromSettings(settings: Settings): IvrEngine {
    return new IvrEngine(settings.contactCenter.ivr, intlLocalTime);
  }
}
