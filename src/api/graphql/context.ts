import type { Caller } from '../../auth/index.js';
import type { Services } from '../../services.js';
import type { RealtimeSnapshot } from '../../realtime/index.js';
import type { Network } from '../../transit/index.js';

/** What every resolver gets: the services, the caller, and the network snapshot of this request. */
export interface GraphQLContext {
  services: Services;
  caller: Caller;
  /** The transit network as published when the request started (undefined before the first load). */
  network: Network | undefined;
  /** The realtime snapshot as published when the request started. */
  realtime: RealtimeSnapshot;
  /** Request time, ms since the epoch (from the injected clock). */
  nowMs: number;
  requestId: string;
}
