// An element's wait for the core. Only the embed ever waits: it fetches its
// core (dist/loyalty-core.js) when first needed, see core-loader-late.js;
// every other build holds the core, and `ready` is then always true. What an
// element asked to run before the core came runs when it comes, whichever
// element's request fetched it.
import { npsSampleSize } from '../js/core.js';
import { coreLoaded, loadCore } from './core-loader.js';

// Asked once per page, once the core is here: it throws this error from every call where WebAssembly cannot run.
let coreBlocked;
export function blockedCore() {
  if (coreBlocked === undefined) {
    try {
      npsSampleSize({ margin: 5 });
      coreBlocked = null;
    } catch (error) {
      coreBlocked = error?.code === 'wasm-unavailable' ? error : null;
      // The site owner reads the console; the visitor reads the element.
      if (coreBlocked) console.error(`<loyalty-calculator>: ${coreBlocked.message}`);
    }
  }
  return coreBlocked;
}

// The waits with something to run when the core arrives.
const awaiting = new Set();

export class CoreWait {
  #waiting = new Set();
  #asking = false;
  #failed;
  #blocked;

  /**
   * `failed(error)` runs when a fetch of the core failed (what waits stays
   * waiting: the next need or move asks again); `blocked()` when the core
   * came but WebAssembly cannot run here (what waited never runs).
   */
  constructor({ failed, blocked }) {
    this.#failed = failed;
    this.#blocked = blocked;
  }

  /**
   * True when the core can be called. Otherwise `again` runs when it has
   * arrived, and the core is asked for unless `ask` is false (then a later
   * need or the visitor's first move asks).
   */
  ready(again, ask = true) {
    if (coreLoaded()) return true;
    this.#waiting.add(again);
    awaiting.add(this);
    if (ask) this.ask();
    return false;
  }

  /** Fetches the core unless it is here or on its way for this element. */
  ask() {
    if (this.#asking || coreLoaded()) return;
    this.#asking = true;
    loadCore().then(
      () => {
        for (const wait of [...awaiting]) wait.#arrived();
      },
      (error) => {
        this.#asking = false;
        console.error(`<loyalty-calculator>: ${error.message}`);
        this.#failed(error);
      },
    );
  }

  #arrived() {
    awaiting.delete(this);
    this.#asking = false;
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    if (blockedCore()) {
      this.#blocked();
      return;
    }
    for (const run of waiting) run();
  }
}
