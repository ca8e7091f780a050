import { IvrInterpreter } from '@hotline/ivr';
import { Settings } from '../config/settings';
import { intlLocalTime } from '../shared/local-time';

export { MAIN_FLOW } from '../config/contact-center.config';

/** The IVR interpreter over the validated configuration, with real time zones. */
export class IvrEngine extends IvrInterpreter {
  static fromSettings(settings: Settings): IvrEngine {
    return new IvrEngine(settings.contactCenter.ivr, intlLocalTime);
  }
}
