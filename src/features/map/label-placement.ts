/**
 * Where the map's place names go (place-names-layer.ts draws them): in order of priority, each name
 * takes the first of a few positions around its point that is inside the view, clear of every
 * obstacle (event markers, clusters, the map's controls) and clear of the names already placed.
 * A name with no such position is left out. Greedy, as most map labelling is: the largest places
 * are named first, so what is left out is the least known. Costs and why it is our own code:
 * docs/decisions.md.
 */

/** A rectangle in view pixels (left and top inclusive). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Something over the map that names keep clear of: its box is the area it takes. */
export interface Obstacle extends Box {
  /**
   * For an event marker or cluster, the part of it that is seen (a marker's box is a larger,
   * transparent touch target): a place's dot may show beside it, and a place near its middle is named
   * beside the marker, which stands in for the place's dot. Null for anything else (a control),
   * which hides the places under it.
   */
  seen: Box | null;
  /**
   * A single event's marker, whose dot is where the event is: it stands in for a place whose dot
   * it hides, wherever under it (within the candidate's reach on the ground). A cluster's disc
   * spreads over places away from its events, so it stands in only near its middle.
   */
  singleEvent?: boolean;
}

export interface LabelCandidate {
  /** What the label says (as the page lists it for tests). */
  key: string;
  /** The point named, in view pixels. */
  x: number;
  y: number;
  /** The text's size as drawn. */
  width: number;
  height: number;
  /**
   * The radius of the dot drawn at the point; 0 for a name written across its point (a country).
   */
  dotRadius: number;
  /** Higher is placed first. */
  priority: number;
  /**
   * How near a marker's middle the point must be, in pixels, for the marker to stand in for its
   * dot (named beside the marker): the pixels a short distance on the ground spans at this zoom,
   * 0 for never (place-name-candidates.ts); no limit unless given. A cluster stands in only
   * within STAND_IN_REACH as well.
   */
  standInReach?: number;
}

export interface PlacedLabel<Candidate extends LabelCandidate = LabelCandidate> {
  candidate: Candidate;
  /** Where the text goes. */
  text: Box;
  /** Where the dot goes, or null when it is hidden under a marker (the name sits beside that). */
  dot: Box | null;
}

export interface PlacementView {
  width: number;
  height: number;
}

/** Room between a name and its dot, or the marker it sits beside. */
const GAP = 3;
/** The least room between two names. */
const LABEL_SPACING = 7;
/** The least room between a name and another's dot. */
const DOT_SPACING = 6;
/** The least room between a name and a marker or control. */
const OBSTACLE_SPACING = 2;
/** Names stay this far inside the view's edges. */
const EDGE = 2;
/** The spatial grid's cell, in pixels: about a name's size, so a box touches a few cells. */
const CELL = 64;

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inflate(box: Box, by: number): Box {
  return { left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by };
}

/** The boxes nothing may overlap, bucketed by grid cell so a test looks only at its neighbours. */
class BlockedArea {
  private readonly cells = new Map<number, Box[]>();
  private readonly columns: number;

  constructor(width: number) {
    this.columns = Math.max(1, Math.ceil(width / CELL)) + 2;
  }

  private forCells(box: Box, visit: (key: number) => boolean): boolean {
    const column0 = Math.max(-1, Math.floor(box.left / CELL));
    const column1 = Math.min(this.columns - 2, Math.floor(box.right / CELL));
    const row0 = Math.floor(box.top / CELL);
    const row1 = Math.floor(box.bottom / CELL);
    for (let row = row0; row <= row1; row += 1) {
      for (let column = column0; column <= column1; column += 1) {
        if (visit(row * this.columns + column + 1) === true) return true;
      }
    }
    return false;
  }

  add(box: Box): void {
    this.forCells(box, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
      return false;
    });
  }

  overlaps(box: Box): boolean {
    return this.forCells(
      box,
      (key) => this.cells.get(key)?.some((other) => intersects(box, other)) ?? false,
    );
  }
}

/** The text's box with its left edge, or its centre, at x and its middle at y. */
function textAt(
  candidate: LabelCandidate,
  x: number,
  y: number,
  align: 'start' | 'centre' | 'end',
) {
  const left =
    align === 'start' ? x : align === 'end' ? x - candidate.width : x - candidate.width / 2;
  const top = y - candidate.height / 2;
  return { left, top, right: left + candidate.width, bottom: top + candidate.height };
}

/**
 * The positions to try, best first: right of the point, left, above, below (the usual order on
 * maps). Around a box (the marker that hides the dot) they keep clear of its edges instead.
 */
function positionsAround(candidate: LabelCandidate, around: Box): Box[] {
  const { x, y, height } = candidate;
  return [
    textAt(candidate, around.right + GAP, y, 'start'),
    textAt(candidate, around.left - GAP, y, 'end'),
    textAt(candidate, x, around.top - GAP - height / 2, 'centre'),
    textAt(candidate, x, around.bottom + GAP + height / 2, 'centre'),
  ];
}

/** A name across its point: centred on it, else a line above or below. */
function positionsAcross(candidate: LabelCandidate): Box[] {
  const { x, y, height } = candidate;
  return [
    textAt(candidate, x, y, 'centre'),
    textAt(candidate, x, y - height, 'centre'),
    textAt(candidate, x, y + height, 'centre'),
  ];
}

function inside(box: Box, view: PlacementView): boolean {
  return (
    box.left >= EDGE &&
    box.top >= EDGE &&
    box.right <= view.width - EDGE &&
    box.bottom <= view.height - EDGE
  );
}

/**
 * The nearest a place must be to a cluster's middle for the cluster to stand in for its dot, at
 * most: about a single event's dot (16 px and its ring, 21 px). A cluster's disc (up to 64 px)
 * covers places away from its events, and a name beside a marker tells the reader "this is there".
 */
const STAND_IN_REACH = 11;

/** Whether the place's dot would be hidden by what is seen of this marker. */
function isUnder({ seen }: Obstacle, dot: Box): boolean {
  return seen !== null && intersects(dot, inflate(seen, OBSTACLE_SPACING));
}

function distanceToMiddle({ seen }: Obstacle, candidate: LabelCandidate): number {
  if (!seen) return Infinity;
  const middleX = (seen.left + seen.right) / 2;
  const middleY = (seen.top + seen.bottom) / 2;
  return Math.hypot(candidate.x - middleX, candidate.y - middleY);
}

/** Whether a place is near enough this marker's middle to be named beside it. */
function standsInFor(obstacle: Obstacle, candidate: LabelCandidate): boolean {
  if (!obstacle.seen) return false;
  const groundReach = candidate.standInReach ?? Infinity;
  const reach = obstacle.singleEvent ? groundReach : Math.min(groundReach, STAND_IN_REACH);
  return reach > 0 && distanceToMiddle(obstacle, candidate) <= reach;
}

/**
 * The names to draw and where. Candidates are taken by priority (ties keep their order); a name
 * is placed only if its point is in the view, its text and dot fit inside the view, clear of every
 * obstacle by OBSTACLE_SPACING and of every name placed before by LABEL_SPACING (a dot by
 * DOT_SPACING). A dot may show in a marker's transparent margin, not under what is seen of it; a
 * place whose dot a single event's marker hides, or near the middle of a cluster, is named beside
 * the marker, without a dot (the selected event's ring must not hide the town it is in); a place
 * under the rest of a cluster, or under a control, is not named.
 */
export function placeLabels<Candidate extends LabelCandidate>(
  candidates: readonly Candidate[],
  obstacles: readonly Obstacle[],
  view: PlacementView,
): PlacedLabel<Candidate>[] {
  const blockedByObstacles = new BlockedArea(view.width);
  const blockedForDots = new BlockedArea(view.width);
  for (const obstacle of obstacles) {
    blockedByObstacles.add(inflate(obstacle, OBSTACLE_SPACING));
    blockedForDots.add(inflate(obstacle.seen ?? obstacle, OBSTACLE_SPACING));
  }
  const blockedByLabels = new BlockedArea(view.width);
  const order = candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort((a, b) => b.candidate.priority - a.candidate.priority || a.index - b.index);
  const placed: PlacedLabel<Candidate>[] = [];
  const standingIn = new Set<Obstacle>();
  for (const { candidate } of order) {
    const { x, y, dotRadius } = candidate;
    if (!(x >= 0 && y >= 0 && x <= view.width && y <= view.height)) continue;
    const dotBox = {
      left: x - dotRadius,
      top: y - dotRadius,
      right: x + dotRadius,
      bottom: y + dotRadius,
    };
    const markersOver =
      dotRadius > 0 ? obstacles.filter((obstacle) => isUnder(obstacle, dotBox)) : [];
    // The marker whose middle is nearest (the selected one drawn over a neighbour, say).
    const standIn = markersOver
      .filter((marker) => standsInFor(marker, candidate))
      .sort((a, b) => distanceToMiddle(a, candidate) - distanceToMiddle(b, candidate))[0];
    let dot: Box | null = null;
    let positions: Box[];
    if (dotRadius === 0) {
      positions = positionsAcross(candidate);
    } else if (markersOver.length > 0 && !standIn) {
      // Under a cluster but away from its middle, or far from a marker on the ground: hidden.
      continue;
    } else if (standIn) {
      // A marker stands in for one place, the largest near its middle; the others are not named.
      if (standingIn.has(standIn)) continue;
      positions = positionsAround(candidate, inflate(standIn, OBSTACLE_SPACING));
    } else {
      const dotHidden =
        blockedForDots.overlaps(dotBox) ||
        blockedByLabels.overlaps(dotBox) ||
        !inside(dotBox, view);
      if (dotHidden) continue;
      dot = dotBox;
      positions = positionsAround(candidate, dotBox);
    }
    const text = positions.find(
      (box) =>
        inside(box, view) &&
        !blockedByObstacles.overlaps(box) &&
        !blockedByLabels.overlaps(box) &&
        (dot === null || !intersects(box, dot)),
    );
    if (!text) continue;
    if (standIn) standingIn.add(standIn);
    blockedByLabels.add(inflate(text, LABEL_SPACING));
    if (dot) blockedByLabels.add(inflate(dot, DOT_SPACING));
    placed.push({ candidate, text, dot });
  }
  return placed;
}
