import { i18n } from '../lib/i18n/i18n.ts';

export interface OnlyInMapViewToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** "Only events in map view": beside the list on a wide screen, in the filters sheet on a phone. */
export function OnlyInMapViewToggle({ checked, onChange }: OnlyInMapViewToggleProps) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={checked}
        onChange={(changeEvent) => onChange(changeEvent.target.checked)}
      />
      {i18n._('Only events in map view')}
    </label>
  );
}
