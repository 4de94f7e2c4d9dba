import { describe, expect, it } from 'vitest';
import { EMBED_SIZES, embedSizeLabel, previewLayout } from './embed-sizes.ts';

describe('the embed preview', () => {
  it('shows a frame that fits at its real size', () => {
    expect(previewLayout({ width: 360, height: 640 }, 400)).toEqual({
      width: 360,
      height: 640,
      scale: 1,
    });
  });

  it('scales a wider frame down as a whole, keeping its layout', () => {
    expect(previewLayout({ width: 680, height: 480 }, 340)).toEqual({
      width: 680,
      height: 480,
      scale: 0.5,
    });
  });

  it('gives a full-width frame the room there is', () => {
    expect(previewLayout({ width: null, height: 480 }, 412.7)).toEqual({
      width: 412,
      height: 480,
      scale: 1,
    });
  });

  it('offers the article, phone and full-width sizes', () => {
    expect(EMBED_SIZES.map((size) => embedSizeLabel(size.id))).toEqual([
      'Article 680×480',
      'Phone 360×640',
      'Full width ×480',
    ]);
  });
});
