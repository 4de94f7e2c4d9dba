/**
 * Playback's lazily loaded parts (play-slot.tsx loads them on first use): the engine, which
 * renders nothing but runs the frames and says what the live region announces, and the settings.
 */
import { useEffect, useId, useState } from 'react';
import { formatDay } from '../../data/model/date-label.ts';
import {
  frameLabel,
  PLAY_SPEEDS,
  PLAY_WINDOWS,
  type PlaybackSettings as Settings,
  type PlayWindow,
} from '../../data/query/playback.ts';
import { parsePlayParam, playParam } from '../../data/url/play-param.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { usePlayback, type PlaybackEngineProps } from './use-playback.ts';

const countFormat = new Intl.NumberFormat('en-GB');

/**
 * One lazy component for both parts, so that the first load holds one loader, not two: the
 * engine with `engine`, else the settings.
 */
export function PlaybackPart(
  props: { engine: PlaybackEngineProps } | ({ settings: true } & PlaybackSettingsProps),
) {
  return 'engine' in props ? <PlaybackEngine {...props.engine} /> : <PlaybackSettings {...props} />;
}

function PlaybackEngine(props: PlaybackEngineProps) {
  const { playing, state, extent, shown, onAnnounce } = props;
  const reduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const [ended, setEnded] = useState(false);
  if (playing && ended) setEnded(false);
  usePlayback({ ...props, onEnd: () => setEnded(true) });
  const frame = { from: state.from ?? extent.first, to: state.to ?? extent.last };
  // Under reduced motion each step is announced ("3–9 June 2024: 4 events"); smooth frames are
  // too many to speak, and the status line says where a pause left them.
  const text =
    playing && reduced
      ? `${frameLabel(frame)}: ${countFormat.format(shown)} ${shown === 1 ? 'event' : 'events'}`
      : ended
        ? `Played to the end of the data, ${formatDay(extent.last)}.`
        : '';
  useEffect(() => onAnnounce(text), [text, onAnnounce]);
  return null;
}

const WINDOW_LABELS: Record<PlayWindow, string> = {
  range: 'The current range’s width',
  day: 'A day',
  week: 'A week (from Monday)',
  month: 'A month',
};

interface PlaybackSettingsProps {
  /** The URL's `play` value. */
  play: string;
  onChange: (play: string) => void;
}

/** The settings popover: what moves, how fast, and what happens at the end. Native controls. */
function PlaybackSettings({ play, onChange }: PlaybackSettingsProps) {
  const settings = parsePlayParam(play).settings;
  const name = useId();
  const change = (patch: Partial<Settings>) => onChange(playParam({ ...settings, ...patch }));
  return (
    <div className="play-settings-body">
      <fieldset>
        <legend>Show</legend>
        <label>
          <input
            type="radio"
            name={`${name}-mode`}
            checked={!settings.cumulative}
            onChange={() => change({ cumulative: false })}
          />
          A moving window
        </label>
        <label>
          <input
            type="radio"
            name={`${name}-mode`}
            checked={settings.cumulative}
            onChange={() => change({ cumulative: true })}
          />
          Cumulative: events stay once shown
        </label>
      </fieldset>
      <fieldset>
        <legend>{settings.cumulative ? 'Growing by' : 'Window'}</legend>
        {PLAY_WINDOWS.map((window) => (
          <label key={window}>
            <input
              type="radio"
              name={`${name}-window`}
              checked={settings.window === window}
              onChange={() => change({ window })}
            />
            {WINDOW_LABELS[window]}
          </label>
        ))}
      </fieldset>
      <fieldset className="play-speeds">
        <legend>Speed</legend>
        {PLAY_SPEEDS.map((speed) => (
          <label key={speed}>
            <input
              type="radio"
              name={`${name}-speed`}
              checked={settings.speed === speed}
              onChange={() => change({ speed })}
            />
            {speed}×
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>At the end</legend>
        <label>
          <input
            type="radio"
            name={`${name}-end`}
            checked={!settings.loop}
            onChange={() => change({ loop: false })}
          />
          Stop
        </label>
        <label>
          <input
            type="radio"
            name={`${name}-end`}
            checked={settings.loop}
            onChange={() => change({ loop: true })}
          />
          Loop from the start
        </label>
      </fieldset>
    </div>
  );
}
