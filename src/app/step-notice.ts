import type { StepNotice } from '../data/url/story-url.ts';
import { i18n } from '../lib/i18n/i18n.ts';

/** What was wrong with a story address's `step=`, in the reader's language. */
export function stepNoticeText(notice: StepNotice): string {
  return notice.kind === 'no-such-step'
    ? i18n._(
        'There is no step “{step}”: steps are numbered from 1, so the story’s cover is shown.',
        { step: notice.asked },
      )
    : i18n._(
        '{count, plural, one {This story has # step, so step #, the last, is shown instead of step {step}.} other {This story has # steps, so step #, the last, is shown instead of step {step}.}}',
        { count: notice.count, step: notice.asked },
      );
}
