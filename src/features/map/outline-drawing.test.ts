import { describe, expect, it } from 'vitest';
import type { OutlinePaths } from './outline-data.ts';
import { tracePaths, type OutlineView, type PathSink } from './outline-drawing.ts';

type Step = [string, ...number[]];

function recorder(): PathSink & { steps: Step[] } {
  const steps: Step[] = [];
  return {
    steps,
    moveTo: (x, y) => steps.push(['moveTo', x, y]),
    lineTo: (x, y) => steps.push(['lineTo', x, y]),
    closePath: () => steps.push(['closePath']),
  };
}

/** Paths from lists of world points (x, y from 0 to 1). */
function pathsOf(...paths: [number, number][][]): OutlinePaths {
  const starts = [0];
  const boxes: number[] = [];
  const points: number[] = [];
  for (const path of paths) {
    const xs = path.map(([x]) => x);
    const ys = path.map(([, y]) => y);
    boxes.push(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
    points.push(...path.flat());
    starts.push(points.length / 2);
  }
  return {
    starts: Uint32Array.from(starts),
    boxes: Float32Array.from(boxes),
    points: Float32Array.from(points),
  };
}

// Zoom 2 (1,024 px across the world), layer point (0, 0) at world pixel (100, 200), and a
// 400 × 300 area drawn from there.
const view: OutlineView = {
  scale: 1024,
  originX: 100,
  originY: 200,
  left: 0,
  top: 0,
  right: 400,
  bottom: 300,
};

describe('tracing the outline for a view', () => {
  it('places points at world position × scale − pixel origin and closes land rings', () => {
    const sink = recorder();
    const traced = tracePaths(
      sink,
      pathsOf([
        [0.25, 0.25],
        [0.375, 0.25],
        [0.375, 0.375],
      ]),
      view,
      true,
    );
    expect(traced).toBe(1);
    expect(sink.steps).toEqual([
      ['moveTo', 156, 56],
      ['lineTo', 284, 56],
      ['lineTo', 284, 184],
      ['closePath'],
    ]);
  });

  it('skips paths wholly out of view on any side, and draws those that only reach into it', () => {
    const sink = recorder();
    // The view spans world x from 100 / 1024 to 500 / 1024 (about 0.098 to 0.488) and y from
    // 200 / 1024 to 500 / 1024 (about 0.195 to 0.488).
    const paths: Record<string, [number, number][]> = {
      eastOfView: [
        [0.6, 0.3],
        [0.7, 0.35],
      ],
      above: [
        [0.2, 0.05],
        [0.3, 0.15],
      ],
      below: [
        [0.2, 0.6],
        [0.3, 0.9],
      ],
      reachingInFromTheWest: [
        [0.05, 0.3],
        [0.6, 0.3],
      ],
      acrossTopToBottom: [
        [0.25, 0.1],
        [0.25, 0.9],
      ],
    };
    expect(tracePaths(sink, pathsOf(...Object.values(paths)), view, false)).toBe(2);
    const starts = sink.steps.filter(([step]) => step === 'moveTo');
    expect(starts).toHaveLength(2);
    expect(starts[0]?.[1]).toBeCloseTo(0.05 * 1024 - 100, 4);
    expect(starts[0]?.[2]).toBeCloseTo(0.3 * 1024 - 200, 4);
    expect(starts[1]?.[1]).toBeCloseTo(0.25 * 1024 - 100, 4);
    expect(sink.steps.some(([step]) => step === 'closePath')).toBe(false);
  });

  it('drops points closer than half a pixel to the last one drawn, but never the last', () => {
    const sink = recorder();
    const pixel = 1 / 1024;
    tracePaths(
      sink,
      pathsOf([
        [0.2, 0.3],
        [0.2 + 0.1 * pixel, 0.3],
        [0.2 + 0.2 * pixel, 0.3 + 0.1 * pixel],
        [0.2 + 3 * pixel, 0.3],
        [0.2 + 3.1 * pixel, 0.3],
      ]),
      view,
      false,
    );
    expect(sink.steps.map(([step]) => step)).toEqual(['moveTo', 'lineTo', 'lineTo']);
    expect(sink.steps.at(-1)?.[1]).toBeCloseTo((0.2 + 3.1 * pixel) * 1024 - 100, 3);
  });
});
