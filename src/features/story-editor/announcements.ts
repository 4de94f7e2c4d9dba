/**
 * What the editor's live region says after a step is moved or deleted: each a whole sentence in
 * the reader's language, the step named by its title (or as "the step" while it has none).
 */
import { i18n } from '../../lib/i18n/i18n.ts';

export function movedAnnouncement(title: string, position: number, count: number): string {
  return title
    ? i18n._('Moved “{title}” to step {position} of {count}.', { title, position, count })
    : i18n._('Moved the step to step {position} of {count}.', { position, count });
}

export function deletedAnnouncement(title: string, left: number): string {
  const deleted = title ? i18n._('Deleted “{title}”.', { title }) : i18n._('Deleted the step.');
  const remaining = i18n._(
    '{left, plural, =0 {No steps left.} one {# step left.} other {# steps left.}}',
    { left },
  );
  return `${deleted} ${remaining}`;
}
