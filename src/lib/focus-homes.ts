/**
 * Places the keyboard focus can go back to, offered by the components that own them: the page's
 * focus rescue asks them in the order the page chooses, and never looks inside their DOM.
 */
export interface FocusHome {
  /** Puts the focus here; false when there is nothing to take it now. */
  focus: () => boolean;
  /** Whether a control that had the focus (now removed) was one of this home's own. */
  held?: (element: Element) => boolean;
  /** True while this home is about to place the focus itself: others wait for it. */
  placing?: () => boolean;
  /** Brings one item into view and focuses it; false when it is not here. */
  focusItem?: (id: string) => boolean;
  /** Whether this home answers `key` pressed on `target` itself (the page then leaves it alone). */
  answersKey?: (target: Element, key: string) => boolean;
}

export class FocusHomes {
  private readonly homes = new Map<string, FocusHome>();

  /** Offers a home under `name` until the returned function is called. */
  offer(name: string, home: FocusHome): () => void {
    this.homes.set(name, home);
    return () => {
      if (this.homes.get(name) === home) this.homes.delete(name);
    };
  }

  get(name: string): FocusHome | undefined {
    return this.homes.get(name);
  }

  answersKey(target: Element, key: string): boolean {
    return [...this.homes.values()].some((home) => home.answersKey?.(target, key) === true);
  }

  anyPlacing(): boolean {
    return [...this.homes.values()].some((home) => home.placing?.() === true);
  }

  /** The home that held `lost`, else the first of `order` that takes the focus. */
  restore(lost: Element, order: readonly string[]): boolean {
    const owner = [...this.homes.values()].find((home) => home.held?.(lost) === true);
    if (owner?.focus()) return true;
    return order.some((name) => this.homes.get(name)?.focus() === true);
  }
}
