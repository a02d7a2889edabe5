import { IConstruct } from 'constructs';

/**
 * Library-internal: connections of a hub register what to do when routing intent is configured
 * on it (drop their own association and propagation: Azure manages both then). Not exported
 * from the package index.
 */
const LISTENERS = new WeakMap<IConstruct, (() => void)[]>();
const SECURED = new WeakSet<IConstruct>();

/** Runs `listener` now if `hub` has routing intent, or when it gets it. */
export function onRoutingIntent(hub: IConstruct, listener: () => void): void {
  if (SECURED.has(hub)) {
    listener();
    return;
  }
  LISTENERS.set(hub, [...(LISTENERS.get(hub) ?? []), listener]);
}

/** Marks `hub` as having routing intent and runs the listeners. */
export function routingIntentConfigured(hub: IConstruct): void {
  SECURED.add(hub);
  for (const listener of LISTENERS.get(hub) ?? []) listener();
  LISTENERS.delete(hub);
}

/** True once routing intent is configured on `hub`. */
export function hasRoutingIntent(hub: IConstruct): boolean {
  return SECURED.has(hub);
}
