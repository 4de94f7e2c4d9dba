/**
 * The playback engine: while playing, it moves the frame through time and writes each one to
 * the URL's from/to through the same explorer action as the brush (the app's onFrame), so the
 * map, the list, the legend's counts and the status line follow as they follow a drag. It keeps
 * no copy of the view: where a play starts is read from the URL, and any change it did not make
 * itself, or any press, wheel or key outside the playback controls, pauses it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import {
  advanceFrame,
  daysPerSecond,
  frameToRange,
  loopFrame,
  startFrame,
  STEP_MS,
  widthOnStart,
  type DayFrame,
  type PlayContext,
} from '../../data/query/playback.ts';
import { parsePlayParam } from '../../data/url/play-param.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import type { PlaybackProps } from './playback-props.ts';

/** Animation frames per range written while playing smoothly. */
const FRAMES_PER_WRITE = 3;
/** A frame longer than this (a busy or hidden page) moves the play no further than this would. */
const MAX_FRAME_MS = 100;

export interface PlaybackEngineProps extends PlaybackProps {
  /** The playback controls: a press or a key in them does not pause. */
  controlsRef: RefObject<HTMLElement | null>;
  /** What the live region says: each step under reduced motion, and the end. */
  onAnnounce: (text: string) => void;
}

export function usePlayback({
  playing,
  onPlayingChange,
  state,
  extent,
  onFrame,
  controlsRef,
  onEnd,
}: PlaybackEngineProps & { onEnd: () => void }) {
  const settings = useMemo(() => parsePlayParam(state.play).settings, [state.play]);
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  // The latest props, for the loop and the listeners, which live longer than one render.
  const latest = useRef({ state, onFrame, onPlayingChange, onEnd });
  useLayoutEffect(() => {
    latest.current = { state, onFrame, onPlayingChange, onEnd };
  });
  /** The range this engine last wrote: any other range in the URL came from elsewhere. */
  const written = useRef<{ from: number | null; to: number | null } | null>(null);
  const playingRef = useRef(playing);
  playingRef.current = playing;
  const { first, last } = extent;

  useEffect(
    function runFrames() {
      if (!playing) return;
      const dataExtent: DayFrame = { from: first, to: last };
      const { from, to } = latest.current.state;
      const range = { from: from ?? first, to: to ?? last };
      const context: PlayContext = {
        settings,
        extent: dataExtent,
        width: widthOnStart(range, dataExtent),
      };
      let frame = startFrame(range, context);
      let atEnd = false;
      let stopped = false;
      const write = (next: DayFrame) => {
        frame = next;
        const range = frameToRange(next, dataExtent);
        written.current = range;
        latest.current.onFrame(range);
      };
      const step = (by: number | 'window') => {
        if (atEnd) {
          atEnd = false;
          write(loopFrame(frame, context));
          return;
        }
        const result = advanceFrame(frame, by, context);
        write(result.frame);
        if (!result.atEnd) return;
        if (settings.loop) atEnd = true;
        else {
          stopped = true;
          latest.current.onPlayingChange(false);
          latest.current.onEnd();
        }
      };
      write(frame);
      if (reduced) {
        const timer = setInterval(() => step('window'), STEP_MS / settings.speed);
        return () => clearInterval(timer);
      }
      const perMs = daysPerSecond(dataExtent, settings.speed) / 1000;
      let carry = 0;
      let previous = performance.now();
      // A range is written every third animation frame (20 a second): the map and then the list
      // render in the two frames between (useFrameLag in app/map-panel.tsx, events-panel.tsx),
      // so no frame carries all three.
      let frameCount = 0;
      let handle = requestAnimationFrame(function tick(now) {
        carry += Math.min(now - previous, MAX_FRAME_MS) * perMs;
        previous = now;
        const days = Math.floor(carry);
        if (frameCount % FRAMES_PER_WRITE === 0 && days >= 1) {
          carry -= days;
          step(days);
        }
        frameCount += 1;
        if (!stopped) handle = requestAnimationFrame(tick);
      });
      return () => cancelAnimationFrame(handle);
    },
    [playing, reduced, settings, first, last],
  );

  // Compared when the range changes, not on mounting: the first frame is written as this mounts.
  const rangeBefore = useRef({ from: state.from, to: state.to });
  useEffect(
    function pauseWhenTheRangeChangesElsewhere() {
      const before = rangeBefore.current;
      rangeBefore.current = { from: state.from, to: state.to };
      if (before.from === state.from && before.to === state.to) return;
      const mine = written.current;
      if (playingRef.current && (state.from !== mine?.from || state.to !== mine.to))
        latest.current.onPlayingChange(false);
    },
    [state.from, state.to],
  );

  // A search, a category, a selection or another dataset: the reader has taken over.
  const viewKey = JSON.stringify([state.query, state.categories, state.selectedId, state.params]);
  const viewAtStart = useRef(viewKey);
  useEffect(
    function pauseWhenTheViewChanges() {
      if (playing && viewKey !== viewAtStart.current) onPlayingChange(false);
      else viewAtStart.current = viewKey;
    },
    [playing, viewKey, onPlayingChange],
  );

  useEffect(
    function pauseOnInteraction() {
      if (!playing) return;
      const pause = () => latest.current.onPlayingChange(false);
      const outside = (event: Event) =>
        !(event.target instanceof Node && controlsRef.current?.contains(event.target));
      const onPress = (event: Event) => {
        if (outside(event)) pause();
      };
      const onKey = (keyEvent: KeyboardEvent) => {
        if (!outside(keyEvent) || MODIFIER_KEYS.has(keyEvent.key)) return;
        // Space in the timeline also toggles (timeline.tsx): paused after that toggle, so that
        // the two cannot cancel out into playing on.
        if (keyEvent.key === ' ') setTimeout(pause, 0);
        else pause();
      };
      const onVisibility = () => {
        if (document.hidden) pause();
      };
      const listeners: [EventTarget, string, EventListener][] = [
        [window, 'pointerdown', onPress],
        [window, 'wheel', onPress],
        [window, 'keydown', onKey as EventListener],
        [window, 'popstate', pause],
        [document, 'visibilitychange', onVisibility],
      ];
      // Capturing: a part of the page that stops an event (the map, the brush's keys) still
      // pauses the play.
      for (const [target, type, listener] of listeners)
        target.addEventListener(type, listener, { capture: true, passive: true });
      return () => {
        for (const [target, type, listener] of listeners)
          target.removeEventListener(type, listener, { capture: true });
      };
    },
    [playing, controlsRef],
  );
}

/** A modifier held alone is no interaction: Shift on its way to Shift+Tab, Alt for a menu. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta']);
