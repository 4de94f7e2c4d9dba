import { describe, expect, it } from 'vitest';
import { drawLabels, LABEL_INKS, type LabelContext } from './place-names-drawing.ts';
import { labelStyle, labelText, type NameCandidate } from './place-name-candidates.ts';
import type { PlacedLabel } from './label-placement.ts';
import type { PlaceName } from './place-names-data.ts';

function recorder() {
  const calls: string[] = [];
  const context = {
    setTransform: () => undefined,
    clearRect: () => calls.push('clear'),
    beginPath: () => undefined,
    arc: (x: number, y: number, radius: number) => calls.push(`arc ${x},${y} r${radius}`),
    fill() {
      calls.push(`fill ${String(this.fillStyle)}`);
    },
    stroke() {
      calls.push(`stroke ${String(this.strokeStyle)}`);
    },
    strokeText(text: string, x: number, y: number) {
      calls.push(`halo ${text} at ${x},${y} in ${String(this.strokeStyle)}`);
    },
    fillText(text: string, x: number, y: number) {
      calls.push(`text ${text} at ${x},${y} in ${String(this.fillStyle)} (${this.font})`);
    },
    measureText: () => ({ width: 0 }) as TextMetrics,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    letterSpacing: '0px',
  };
  return { calls, context: context as unknown as LabelContext };
}

function placed(
  name: PlaceName,
  x: number,
  y: number,
  withDot: boolean,
): PlacedLabel<NameCandidate> {
  const style = labelStyle(name);
  const candidate: NameCandidate = {
    key: name.text,
    x,
    y,
    width: 40,
    height: style.height,
    dotRadius: style.dotRadius,
    priority: name.rank,
    name,
    style,
    text: labelText(name),
  };
  const text = {
    left: x + 6,
    top: y - style.height / 2,
    right: x + 46,
    bottom: y + style.height / 2,
  };
  return {
    candidate,
    text,
    dot: withDot ? { left: x - 2, top: y - 2, right: x + 2, bottom: y + 2 } : null,
  };
}

const palette = { halo: '#e4e0d6', ...LABEL_INKS.light };

describe('drawing place names', () => {
  it('draws dots first, then each name: its halo in the land colour, then its ink', () => {
    const { calls, context } = recorder();
    drawLabels(
      context,
      [
        placed(
          { text: 'Kyiv', kind: 'place', x: 0, y: 0, rank: 11_000_000, capital: true },
          50,
          40,
          true,
        ),
        placed(
          { text: 'Ukraine', kind: 'country', x: 0, y: 0, rank: 3, capital: false },
          90,
          80,
          false,
        ),
        placed(
          { text: 'Bakhmut', kind: 'place', x: 0, y: 0, rank: 80_000, capital: false },
          30,
          20,
          true,
        ),
      ],
      { width: 200, height: 100, ratio: 2, fontFamily: 'system-ui' },
      palette,
    );
    expect(calls).toEqual([
      'clear',
      // A capital: a ring in the land colour, then a dot inside.
      'arc 50,40 r3.5',
      'fill #e4e0d6',
      `stroke ${palette.city}`,
      'arc 50,40 r1.4',
      `fill ${palette.city}`,
      'arc 30,20 r2.5',
      'stroke #e4e0d6',
      `fill ${palette.town}`,
      'halo Kyiv at 56,40 in #e4e0d6',
      `text Kyiv at 56,40 in ${palette.city} (600 13px system-ui)`,
      'halo UKRAINE at 96,80 in #e4e0d6',
      `text UKRAINE at 96,80 in ${palette.country} (600 11px system-ui)`,
      'halo Bakhmut at 36,20 in #e4e0d6',
      `text Bakhmut at 36,20 in ${palette.town} (400 11px system-ui)`,
    ]);
  });
});
