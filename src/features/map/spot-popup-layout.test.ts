import { describe, expect, it } from 'vitest';
import { isShortMap, spotPopupLayout, spotPopupPlacement } from './spot-popup-layout.ts';

describe('the list of events at one spot, in its popup', () => {
  it('fits a desktop map below its top buttons, the list scrolling past 360 px', () => {
    const layout = spotPopupLayout(490);
    expect(layout.className).toBe('same-place-popup');
    expect(layout.autoPanPaddingTopLeft).toEqual([24, 64]);
    expect(layout.autoPanPaddingBottomRight).toEqual([24, 24]);
    // 490 px of map: 64 above, 24 below, 150 of heading, "Show more" and tip.
    expect(layout.listHeight).toBe(252);
    expect(spotPopupLayout(1200).listHeight).toBe(360);
    expect(spotPopupPlacement(490)).toEqual({
      className: 'same-place-popup',
      autoPanPaddingTopLeft: [24, 64],
      autoPanPaddingBottomRight: [24, 24],
    });
  });

  it('gives a failed question’s notice its room from the list, down to one row', () => {
    expect(spotPopupLayout(490, 130).listHeight).toBe(122);
    expect(spotPopupLayout(400, 200).listHeight).toBe(60);
  });

  it('opens in a sheet instead on a phone’s strip of a map or a short embed', () => {
    expect(isShortMap(227)).toBe(true);
    expect(isShortMap(399)).toBe(true);
    expect(isShortMap(400)).toBe(false);
    expect(isShortMap(490)).toBe(false);
  });
});
