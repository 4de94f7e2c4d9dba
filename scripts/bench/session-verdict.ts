/**
 * A session's checkpoints (heap, DOM nodes, listeners after every 100th action) and the verdict on
 * each phase: is the memory bounded, or does it grow with every action?
 */
import { roundTo } from './statistics.ts';

/** Bounded: the last three checkpoints of a phase grow less than this in total… */
export const LAST_THREE_LIMIT_MB = 2;
/** …and the final heap is within this factor of the heap after the first 100 actions. */
export const FINAL_RATIO_LIMIT = 1.5;

export type Phase = 'loaded' | 'selections' | 'filters';

export interface Checkpoint {
  phase: Phase;
  /** Actions done in this phase when measured. */
  actions: number;
  heapMB: number;
  domNodes: number;
  listeners: number;
  /** Since the page was opened. */
  elapsedS: number;
}

export interface PhaseVerdict {
  phase: Exclude<Phase, 'loaded'>;
  /** Heap after the first 100 actions (warm-up done) and after the last. */
  warmHeapMB: number;
  finalHeapMB: number;
  growthMB: number;
  growthPer1000MB: number;
  lastThreeGrowthMB: number;
  nodesGrowth: number;
  listenersGrowth: number;
  meanActionMs: number;
  bounded: boolean;
}

export function phaseVerdict(
  phase: Exclude<Phase, 'loaded'>,
  checkpoints: Checkpoint[],
  durationMs: number,
): PhaseVerdict | null {
  const counted = checkpoints.filter((checkpoint) => checkpoint.phase === phase);
  const warm = counted[0];
  const last = counted[counted.length - 1];
  const thirdLast = counted[counted.length - 3];
  if (!warm || !last || !thirdLast || counted.length < 3) return null;
  const growthMB = last.heapMB - warm.heapMB;
  const lastThreeGrowthMB = last.heapMB - thirdLast.heapMB;
  return {
    phase,
    warmHeapMB: roundTo(warm.heapMB, 2),
    finalHeapMB: roundTo(last.heapMB, 2),
    growthMB: roundTo(growthMB, 2),
    growthPer1000MB: roundTo((growthMB / (last.actions - warm.actions)) * 1000, 2),
    lastThreeGrowthMB: roundTo(lastThreeGrowthMB, 2),
    nodesGrowth: last.domNodes - warm.domNodes,
    listenersGrowth: last.listeners - warm.listeners,
    meanActionMs: roundTo(durationMs / last.actions),
    bounded:
      lastThreeGrowthMB < LAST_THREE_LIMIT_MB && last.heapMB <= FINAL_RATIO_LIMIT * warm.heapMB,
  };
}

export function checkpointLabel(checkpoint: Checkpoint): string {
  if (checkpoint.phase === 'loaded') return 'loaded';
  return `${checkpoint.actions.toLocaleString('en-GB')} ${checkpoint.phase === 'selections' ? 'selections' : 'filter changes'}`;
}
