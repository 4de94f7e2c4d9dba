import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  intersects,
  placeLabels,
  type Box,
  type LabelCandidate,
  type Obstacle,
} from './label-placement.ts';

const view = { width: 400, height: 300 };

function place(
  key: string,
  x: number,
  y: number,
  priority: number,
  width = 50,
  dotRadius = 2.5,
): LabelCandidate {
  return { key, x, y, width, height: 14, dotRadius, priority };
}

function box(left: number, top: number, right: number, bottom: number): Box {
  return { left, top, right, bottom };
}

/** An event marker: a 44 px touch target around a 16 px dot (22 px when selected). */
function marker(x: number, y: number, selected = false): Obstacle {
  const half = selected ? 11 : 8;
  return {
    ...box(x - 22, y - 22, x + 22, y + 22),
    seen: box(x - half, y - half, x + half, y + half),
    singleEvent: true,
  };
}

/** A cluster: its disc of `diameter` px is the touch target and what is seen. */
function cluster(x: number, y: number, diameter: number): Obstacle {
  const half = diameter / 2;
  const disc = box(x - half, y - half, x + half, y + half);
  return { ...disc, seen: disc };
}

function control(left: number, top: number, right: number, bottom: number): Obstacle {
  return { ...box(left, top, right, bottom), seen: null };
}

describe('placing place names', () => {
  it('puts a name right of its dot, centred on it', () => {
    const [label] = placeLabels([place('Seoul', 100, 100, 10)], [], view);
    expect(label?.dot).toEqual(box(97.5, 97.5, 102.5, 102.5));
    expect(label?.text).toEqual(box(105.5, 93, 155.5, 107));
  });

  it('tries the left, above and below when the right is taken', () => {
    const rightBlocked = placeLabels(
      [place('Seoul', 100, 100, 10)],
      [control(110, 80, 200, 120)],
      view,
    );
    expect(rightBlocked[0]?.text.right).toBeLessThanOrEqual(97.5);
    const sidesBlocked = placeLabels(
      [place('Seoul', 100, 100, 10)],
      [control(110, 99, 200, 101), control(0, 99, 90, 101)],
      view,
    );
    expect(sidesBlocked[0]?.text.bottom).toBeLessThanOrEqual(97.5);
  });

  it('names the larger of two places that compete, whatever their order', () => {
    const small = place('Small town', 100, 100, 20_000);
    const large = place('Large city', 104, 102, 2_000_000);
    for (const candidates of [
      [small, large],
      [large, small],
    ]) {
      const names = placeLabels(candidates, [], view).map(({ candidate }) => candidate.key);
      expect(names[0]).toBe('Large city');
      expect(names).not.toContain('Small town');
    }
  });

  it('keeps names and dots inside the view, and leaves out points outside it', () => {
    const placed = placeLabels(
      [
        place('Edge', 398, 150, 10),
        place('Outside', 420, 150, 20),
        place('Corner', 1, 1, 30),
        place('Fits left', 390, 200, 5),
      ],
      [],
      view,
    );
    expect(placed.map(({ candidate }) => candidate.key)).toEqual(['Fits left']);
    expect(placed[0]?.text.left).toBeGreaterThanOrEqual(2);
  });

  it('does not name a place whose dot a control covers', () => {
    const placed = placeLabels(
      [place('Under the legend', 50, 250, 10)],
      [control(0, 200, 120, 300)],
      view,
    );
    expect(placed).toEqual([]);
  });

  it("shows a dot in a marker's transparent margin, never its name over the marker", () => {
    const [label] = placeLabels([place('Incheon', 180, 100, 10)], [marker(200, 100)], view);
    expect(label?.dot).not.toBeNull();
    expect(intersects(label?.text ?? box(0, 0, 0, 0), marker(200, 100))).toBe(false);
    expect(label?.text.right).toBeLessThanOrEqual(177.5);
  });

  it('names the place under a marker beside the marker, without a dot, one place a marker', () => {
    const placed = placeLabels(
      [place('Donetsk', 201, 100, 1_000_000), place('Makiyivka', 206, 97, 370_000)],
      [marker(200, 100)],
      view,
    );
    expect(placed.map(({ candidate }) => candidate.key)).toEqual(['Donetsk']);
    expect(placed[0]?.dot).toBeNull();
    expect(placed[0]?.text.left).toBeGreaterThanOrEqual(222 + 2);
  });

  it('names a place beside the marker over it whose middle is near, not the one whose edge is', () => {
    // A cluster's edge and a single event's dot drawn over it (the cluster first, as in the DOM).
    const edge = cluster(200, 150, 64);
    const dot = marker(226, 150);
    const placed = placeLabels([place('Darwin', 227, 151, 150_000)], [edge, dot], view);
    expect(placed.map(({ candidate }) => candidate.key)).toEqual(['Darwin']);
    expect(placed[0]?.text.left).toBeGreaterThanOrEqual(248 + 2);
  });

  it("names a place beside a cluster only near the disc's middle, not under its edge", () => {
    // At world scale a 64 px disc spans thousands of kilometres: Mexico City under the edge of a
    // cluster of Alaskan earthquakes is not where they are.
    const big = cluster(200, 150, 64);
    const underEdge = placeLabels([place('Mexico City', 188, 162, 12_000_000)], [big], view);
    expect(underEdge).toEqual([]);
    const nearMiddle = placeLabels([place('Anchorage', 206, 154, 300_000)], [big], view);
    expect(nearMiddle.map(({ candidate }) => candidate.key)).toEqual(['Anchorage']);
    expect(nearMiddle[0]?.dot).toBeNull();
    expect(nearMiddle[0]?.text.left).toBeGreaterThanOrEqual(232 + 2);
    // A single event's dot stands in for the place under it.
    const under = placeLabels([place('Donetsk', 206, 106, 1_000_000)], [marker(200, 100)], view);
    expect(under.map(({ candidate }) => candidate.key)).toEqual(['Donetsk']);
  });

  it("names the town the selected event's dot hides beside it, wherever under the dot", () => {
    // Izyum, 1.3 km from an event near it, at zoom 10: 13 px from the selected dot's middle, under
    // its edge. Hidden, it left a reader a dot on blank land with no name in view.
    const izyum = { ...place('Izyum', 187, 100, 53_778), standInReach: 500 };
    const placed = placeLabels([izyum], [marker(200, 100, true)], view);
    expect(placed.map(({ candidate }) => candidate.key)).toEqual(['Izyum']);
    expect(placed[0]?.dot).toBeNull();
    expect(intersects(placed[0]?.text ?? box(0, 0, 0, 0), marker(200, 100, true))).toBe(false);
    // Not a place further on the ground than its reach: the dot is not there.
    const far = { ...izyum, standInReach: 5 };
    expect(placeLabels([far], [marker(200, 100, true)], view)).toEqual([]);
    // Nor under the same edge of a cluster's disc, which spreads away from its events.
    const disc = cluster(200, 100, 22);
    expect(placeLabels([izyum], [disc], view)).toEqual([]);
    // Nor under a dot fanned out from a crowded place, which is not where its event is.
    const fanned = { ...marker(200, 100, true), singleEvent: false };
    expect(placeLabels([izyum], [fanned], view)).toEqual([]);
  });

  it('names a place beside the nearest of two markers over it', () => {
    // A neighbour's dot first in the page, the selected one drawn over it.
    const neighbour = marker(180, 100);
    const selected = marker(196, 100, true);
    // Izyum 10 px from the neighbour's middle, 6 px from the selected one's: named beside that.
    const nearSelected = placeLabels(
      [place('Izyum', 190, 100, 53_778)],
      [neighbour, selected],
      view,
    );
    expect(nearSelected[0]?.text.left).toBeGreaterThanOrEqual(218);
  });

  it('names no place beside a marker where it may not stand in (a world view)', () => {
    const worldScale = { ...place('Moscow', 200, 100, 12_000_000), standInReach: 0 };
    expect(placeLabels([worldScale], [marker(200, 100)], view)).toEqual([]);
    const cityScale = { ...place('Moscow', 201, 100, 12_000_000), standInReach: 11 };
    expect(placeLabels([cityScale], [marker(200, 100)], view)).toHaveLength(1);
  });

  it('writes a country across its point, else a line above or below', () => {
    const country = place('UKRAINE', 200, 150, 10, 80, 0);
    expect(placeLabels([country], [], view)[0]?.text).toEqual(box(160, 143, 240, 157));
    const moved = placeLabels([country], [control(150, 146, 250, 154)], view)[0]?.text;
    expect(moved && intersects(moved, box(150, 146, 250, 154))).toBe(false);
    expect(moved?.left).toBe(160);
  });

  it('never overlaps two names, a name and a dot, or a name and an obstacle (generated views)', () => {
    const candidate = fc.record({
      x: fc.double({ min: -20, max: 420, noNaN: true }),
      y: fc.double({ min: -20, max: 320, noNaN: true }),
      width: fc.double({ min: 10, max: 160, noNaN: true }),
      priority: fc.integer({ min: 0, max: 10_000_000 }),
      dot: fc.boolean(),
    });
    const obstacle = fc.record({
      x: fc.double({ min: 0, max: 400, noNaN: true }),
      y: fc.double({ min: 0, max: 300, noNaN: true }),
      isMarker: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 80 }),
        fc.array(obstacle, { maxLength: 12 }),
        (candidates, obstacleSpecs) => {
          const obstacles = obstacleSpecs.map(({ x, y, isMarker }) =>
            isMarker ? marker(x, y) : control(x - 30, y - 15, x + 30, y + 15),
          );
          const placed = placeLabels(
            candidates.map(({ x, y, width, priority, dot }, index) =>
              place(`${index}`, x, y, priority, width, dot ? 2.5 : 0),
            ),
            obstacles,
            view,
          );
          const drawn = placed.flatMap(({ text, dot }) => (dot ? [text, dot] : [text]));
          placed.forEach(({ text, dot }, index) => {
            expect(text.left).toBeGreaterThanOrEqual(0);
            expect(text.right).toBeLessThanOrEqual(view.width);
            expect(text.top).toBeGreaterThanOrEqual(0);
            expect(text.bottom).toBeLessThanOrEqual(view.height);
            for (const other of obstacles) expect(intersects(text, other)).toBe(false);
            if (dot) {
              for (const other of obstacles)
                expect(intersects(dot, other.seen ?? other)).toBe(false);
            }
            for (const other of drawn) {
              if (other === text || other === dot) continue;
              expect(intersects(text, other), `label ${index}`).toBe(false);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('places names in order of priority, the highest first', () => {
    const candidates = Array.from({ length: 60 }, (_, index) =>
      place(
        `p${index}`,
        20 + ((index * 37) % 360),
        20 + ((index * 53) % 260),
        (index * 7919) % 1000,
      ),
    );
    const placed = placeLabels(candidates, [], view);
    const placedKeys = new Set(placed.map(({ candidate }) => candidate.key));
    const highest = Math.max(...candidates.map((candidate) => candidate.priority));
    expect(placed[0]?.candidate.priority).toBe(highest);
    for (let index = 1; index < placed.length; index += 1) {
      expect(placed[index - 1]?.candidate.priority).toBeGreaterThanOrEqual(
        placed[index]?.candidate.priority ?? 0,
      );
    }
    expect(placedKeys.size).toBe(placed.length);
  });
});
