import { describe, expect, it } from 'vitest';
import { hiddenEdges, seenMiddleOffset } from './seen-part.ts';

const WINDOW = { left: 0, top: 0, right: 600, bottom: 400 };
const NOTHING_HIDDEN = { left: 0, top: 0, right: 0, bottom: 0 };

describe('hiddenEdges', () => {
  it('hides nothing of a map the window holds whole', () => {
    expect(hiddenEdges({ left: 0, top: 40, right: 600, bottom: 388 }, WINDOW, 64)).toEqual(
      NOTHING_HIDDEN,
    );
  });

  it('says how much of a map below an embed’s card the frame’s edge cuts off', () => {
    // The map from 240 to 588 in a frame 400 tall: 188 pixels below the edge.
    const hidden = hiddenEdges({ left: 0, top: 240, right: 600, bottom: 588 }, WINDOW, 64);
    expect(hidden).toEqual({ left: 0, top: 0, right: 0, bottom: 188 });
    // The seen part's middle (320 on the page) is 94 pixels above the map's (414).
    expect(seenMiddleOffset(hidden)).toEqual({ x: 0, y: -94 });
  });

  it('counts a map scrolled partly above the window as hidden at its top', () => {
    const hidden = hiddenEdges({ left: 0, top: -100, right: 600, bottom: 248 }, WINDOW, 64);
    expect(hidden).toEqual({ left: 0, top: 100, right: 0, bottom: 0 });
    expect(seenMiddleOffset(hidden)).toEqual({ x: 0, y: 50 });
  });

  it('treats a map scrolled (almost) out of sight as whole, so a view is chosen for all of it', () => {
    expect(hiddenEdges({ left: 0, top: 350, right: 600, bottom: 698 }, WINDOW, 64)).toEqual(
      NOTHING_HIDDEN,
    );
    expect(hiddenEdges({ left: 0, top: -500, right: 600, bottom: -152 }, WINDOW, 64)).toEqual(
      NOTHING_HIDDEN,
    );
  });
});
