import { LoyaltyCalculator } from './element.js';

/** Registers <loyalty-calculator> (or another name) once, however often this runs. */
export function defineLoyaltyCalculator(name = 'loyalty-calculator', registry = globalThis.customElements) {
  if (!registry) return undefined;
  // A constructor can be registered under one name only, so other names get a subclass.
  if (!registry.get(name)) {
    const existing = registry.getName?.(LoyaltyCalculator);
    registry.define(name, existing ? class extends LoyaltyCalculator {} : LoyaltyCalculator);
  }
  return registry.get(name);
}
