import { PROBE } from '@hotline/contracts';
export async function bootstrap() { return { listen: async () => console.log('probe', PROBE) }; }
