import { i18n } from '../lib/i18n/i18n.ts';

export interface NoticesProps {
  notices: string[];
  onDismiss: () => void;
}

/** Corrections made to the URL, said plainly. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="alert">
      {notices.map((notice, index) => (
        <p key={index}>{notice}</p>
      ))}
      <button type="button" className="button" onClick={onDismiss}>
        {i18n._('Dismiss')}
      </button>
    </div>
  );
}
