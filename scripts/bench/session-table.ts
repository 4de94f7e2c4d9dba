/** The session benchmark's results as Markdown: a table of checkpoints per dataset, and verdicts. */
import { runStamp } from './results-files.ts';
import { ACTIONS, CHECK_EVERY, type ScenarioResult } from './session-run.ts';
import {
  checkpointLabel,
  FINAL_RATIO_LIMIT,
  LAST_THREE_LIMIT_MB,
  type PhaseVerdict,
} from './session-verdict.ts';

function verdictLine(verdict: PhaseVerdict): string {
  const sign = (value: number) => (value > 0 ? `+${value}` : String(value));
  return (
    `${verdict.phase}: ${verdict.bounded ? 'bounded' : 'GROWING'} — heap ${verdict.warmHeapMB} → ${verdict.finalHeapMB} MB from the 100th action to the last ` +
    `(${sign(verdict.growthMB)} MB, ${sign(verdict.growthPer1000MB)} MB per 1,000 actions; last three checkpoints ${sign(verdict.lastThreeGrowthMB)} MB), ` +
    `DOM nodes ${sign(verdict.nodesGrowth)}, listeners ${sign(verdict.listenersGrowth)}; ${verdict.meanActionMs} ms per action`
  );
}

export function markdown(results: ScenarioResult[], machine: string, build: string): string {
  const lines = [
    `${runStamp()} on ${machine}, build ${build}.`,
    '',
    `${ACTIONS.toLocaleString('en-GB')} selections (j / k) then ${ACTIONS.toLocaleString('en-GB')} date-filter changes (brush handles), heap measured after a forced GC every ${CHECK_EVERY}. ` +
      `Bounded: the last three checkpoints of a phase grow < ${LAST_THREE_LIMIT_MB} MB in total and its final heap is ≤ ${FINAL_RATIO_LIMIT} × the heap after its first ${CHECK_EVERY} actions.` +
      ' The step from "loaded" to the first checkpoint is mostly the detailed coastline (about 23 MB), loaded once when the map is first zoomed in to 5 or more: hence the first 100 actions count as warm-up.',
  ];
  for (const result of results) {
    lines.push(
      '',
      `### ${result.scenario}${result.events === null ? '' : ` (${result.events.toLocaleString('en-GB')} events)`}`,
      '',
      '| checkpoint | heap MB | DOM nodes | listeners | at |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const checkpoint of result.checkpoints) {
      lines.push(
        `| ${checkpointLabel(checkpoint)} | ${checkpoint.heapMB.toFixed(2)} | ${checkpoint.domNodes.toLocaleString('en-GB')} | ${checkpoint.listeners.toLocaleString('en-GB')} | ${checkpoint.elapsedS} s |`,
      );
    }
    lines.push('');
    for (const verdict of result.verdicts) lines.push(`- ${verdictLine(verdict)}`);
    if (result.error) lines.push(`- stopped: ${result.error}`);
    lines.push(
      `- ${result.runS} s in all; the j / k walk turned ${result.selectionTurns} times at an end of the list; ${result.timelineBins} timeline bins, ${result.filterWarmUpMoves} brush moves to open the window before counting.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
