import { describe, expect, it } from 'vitest';
import { spotPopupLayout, spotPopupPlacement } from './spot-popup-layout.ts';

describe('the list of events at one spot, in its popup', () => {
  it('fits a desktop map below its top buttons, the list scrolling past 360 px', () => {
    const layout = spotPopupLayout(490);
    expect(layout.className).toBe('same-place-popup');
    expect(layout.autoPanPaddingTopLeft).toEqual([24, 64]);
    expect(layout.autoPanPaddingBottomRight).toEqual([24, 24]);
    // 490 px of map: 64 above, 24 below, 150 of heading, "Show more" and tip.
    expect(layout.listHeight).toBe(252);
    expect(spotPopupLayout(1200).listHeight).toBe(360);
  });

  it('gives a failed question’s notice its room from the list', () => {
    expect(spotPopupLayout(490, 130).listHeight).toBe(122);
  });

  it('takes a phone’s strip of a map whole, with a row of the list at least', () => {
    const layout = spotPopupLayout(227);
    // The class that hides the map's buttons and legend while it is open (map.css).
    expect(layout.className).toBe('same-place-popup fills-short-map');
    expect(layout.autoPanPaddingTopLeft).toEqual([8, 8]);
    expect(layout.listHeight).toBe(61);
    expect(spotPopupLayout(150).listHeight).toBe(60);
    expect(spotPopupPlacement(227)).toEqual({
      className: 'same-place-popup fills-short-map',
      autoPanPaddingTopLeft: [8, 8],
      autoPanPaddingBottomRight: [8, 8],
    });
  });
});
