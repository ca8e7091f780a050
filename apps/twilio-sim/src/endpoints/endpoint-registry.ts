import { EventEmitter } from 'node:events';
import { IncomingCall } from './incoming-call';

export interface SimEndpointEvents {
  incoming: [IncomingCall];
}

/** A registered `client:<identity>` (a softphone) or phone number that can be called. */
export class SimEndpoint extends EventEmitter<SimEndpointEvents> {
  constructor(
    readonly address: string,
    private readonly release: (endpoint: SimEndpoint) => void,
  ) {
    super();
  }

  unregister(): void {
    this.release(this);
  }
}

const CLIENT = /^client:[A-Za-z0-9_]{1,121}$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;

/** Who answers calls the stand-in places: simulated agents' softphones and customers' phones. */
export class EndpointRegistry {
  private readonly endpoints = new Map<string, SimEndpoint>();

  register(address: string): SimEndpoint {
    if (!CLIENT.test(address) && !E164.test(address)) {
      throw new Error(`cannot register ${address}: use client:<identity> or an E.164 number`);
    }
    if (this.endpoints.has(address)) throw new Error(`${address} is already registered`);
    const endpoint = new SimEndpoint(
      address,
      (e) => this.endpoints.get(e.address) === e && this.endpoints.delete(address),
    );
    this.endpoints.set(address, endpoint);
    return endpoint;
  }

  get(address: string): SimEndpoint | undefined {
    return this.endpoints.get(address);
  }

  addresses(): string[] {
    return [...this.endpoints.keys()];
  }
}
