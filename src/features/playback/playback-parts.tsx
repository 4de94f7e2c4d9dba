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
import { i18n } from '../../lib/i18n/i18n.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { usePlayback, type PlaybackEngineProps } from './use-playback.ts';

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
      ? i18n._('{frame}: {events}', {
          frame: frameLabel(frame),
          events: i18n._('{count, plural, one {# event} other {# events}}', { count: shown }),
        })
      : ended
        ? i18n._('Played to the end of the data, {date}.', { date: formatDay(extent.last) })
        : '';
  useEffect(() => onAnnounce(text), [text, onAnnounce]);
  return null;
}

/** A window's name in the reader's language, asked for as it is shown. */
function windowLabel(window: PlayWindow): string {
  if (window === 'range') return i18n._('The current range’s width');
  if (window === 'day') return i18n._('A day');
  if (window === 'week') return i18n._('A week (from Monday)');
  return i18n._('A month');
}

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
        <legend>{i18n._('Show')}</legend>
        <label>
          <input
            type="radio"
            name={`${name}-mode`}
            checked={!settings.cumulative}
            onChange={() => change({ cumulative: false })}
          />
          {i18n._('A moving window')}
        </label>
        <label>
          <input
            type="radio"
            name={`${name}-mode`}
            checked={settings.cumulative}
            onChange={() => change({ cumulative: true })}
          />
          {i18n._('Cumulative: events stay once shown')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{settings.cumulative ? i18n._('Growing by') : i18n._('Window')}</legend>
        {PLAY_WINDOWS.map((window) => (
          <label key={window}>
            <input
              type="radio"
              name={`${name}-window`}
              checked={settings.window === window}
              onChange={() => change({ window })}
            />
            {windowLabel(window)}
          </label>
        ))}
      </fieldset>
      <fieldset className="play-speeds">
        <legend>{i18n._('Speed')}</legend>
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
        <legend>{i18n._('At the end')}</legend>
        <label>
          <input
            type="radio"
            name={`${name}-end`}
            checked={!settings.loop}
            onChange={() => change({ loop: false })}
          />
          {i18n._('Stop')}
        </label>
        <label>
          <input
            type="radio"
            name={`${name}-end`}
            checked={settings.loop}
            onChange={() => change({ loop: true })}
          />
          {i18n._('Loop from the start')}
        </label>
      </fieldset>
    </div>
  );
}
