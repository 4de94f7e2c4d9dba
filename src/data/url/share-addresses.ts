import { serializeUrl, type UrlState } from './url-state.ts';

export interface ShareAddresses {
  /** The view as it is (selection, filters, dataset), in the full app. */
  view: string;
  /** The same view as the reader view for iframes (`embed=1`). */
  embed: string;
}

/** The absolute addresses the Share menu hands out for a view, under the app's base and origin. */
export function shareAddresses(state: UrlState, base: string, origin: string): ShareAddresses {
  const absolute = (embed: boolean) =>
    new URL(serializeUrl({ ...state, embed }, base), origin).href;
  return { view: absolute(false), embed: absolute(true) };
}
