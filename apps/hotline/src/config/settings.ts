import { ContactCenterConfig } from './contact-center.config';
import { Environment } from './environment';

/** Validated configuration, read once at boot and injected wherever it is needed. */
export class Settings {
  constructor(
    readonly env: Environment,
    readonly contactCenter: ContactCenterConfig,
  ) {}
}
