import { IConstruct } from 'constructs';

// Its own module, so that the package index (which re-exports shared-key.ts whole) does not
// make it public.

/**
 * What a key bound under a scope is for, when it is not a connection's pre-shared key (an
 * ExpressRoute peering's BGP MD5 key): the output and variable descriptions say it.
 */
const PURPOSES = new WeakMap<IConstruct, string>();

/** Names what the key bound under `scope` is for. */
export function setKeyPurpose(scope: IConstruct, purpose: string): void {
  PURPOSES.set(scope, purpose);
}

/** What the key bound under `scope` is for, if named. */
export function keyPurpose(scope: IConstruct): string | undefined {
  return PURPOSES.get(scope);
}
