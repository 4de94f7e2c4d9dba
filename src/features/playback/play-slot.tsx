import { lazy, Suspense, useRef, useState } from 'react';
import { Disclosure } from '../../lib/disclosure/disclosure.tsx';
import { i18n } from '../../lib/i18n/i18n.ts';
import type { PlaybackProps } from './playback-props.ts';
import './playback.css';

// The engine (timer, frames) and the settings load on first use, or as the pointer or the focus
// comes near: the first load carries only these buttons (docs/performance.md).
const loadParts = () => import('./playback-parts.tsx');
const preload = () => void loadParts();
const PlaybackPart = lazy(() => loadParts().then((module) => ({ default: module.PlaybackPart })));

/** Play / Pause and the playback settings, on the timeline (features/playback). */
export function PlaySlot(props: PlaybackProps) {
  const { playing, onPlayingChange, state } = props;
  const controlsRef = useRef<HTMLDivElement>(null);
  // Mounted from the first Play on, so that its live region is in place before it speaks.
  const [started, setStarted] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  if (playing && !started) setStarted(true);
  return (
    <div className="play-controls" ref={controlsRef} onPointerEnter={preload} onFocus={preload}>
      <button type="button" className="play-button" onClick={() => onPlayingChange(!playing)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d={playing ? 'M3 2h4v12H3zM9 2h4v12H9z' : 'M4 1.5 14 8 4 14.5z'} />
        </svg>
        {playing ? i18n._('Pause') : i18n._('Play')}
      </button>
      <Disclosure
        className="popover-anchor"
        buttonClassName="play-settings-button"
        closeOnOutsidePress
        label={
          <>
            <span className="visually-hidden">{i18n._('Speed and mode,')} </span>
            {/(0\.5|2|4|8)x/.exec(state.play)?.[1] ?? 1}×
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M3.5 6 8 10.5 12.5 6" />
            </svg>
          </>
        }
      >
        {(region) => (
          <div {...region} className="popover play-settings">
            {!region.hidden && (
              <Suspense fallback={null}>
                <PlaybackPart settings play={state.play} onChange={props.onSettingsChange} />
              </Suspense>
            )}
          </div>
        )}
      </Disclosure>
      {started && (
        <Suspense fallback={null}>
          <PlaybackPart engine={{ ...props, controlsRef, onAnnounce: setAnnouncement }} />
        </Suspense>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
