import { SetMetadata } from '@nestjs/common';
import { Role } from '@hotline/persistence';

export const ROLES_KEY = 'hotline:roles';
export const PUBLIC_KEY = 'hotline:public';

/** The roles a route admits. A route without @Roles or @Public is closed to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a bearer token (sign-in, health, Twilio webhooks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
