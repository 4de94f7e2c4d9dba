/**
 * Apart from say-message.ts, which the first load carries (a load error is said with it): the
 * lists that use this are loaded when opened.
 */
import type { Message } from './message.ts';
import { sayMessage } from './say-message.ts';

/** Why a record or a field was refused: in the reader's language where it came with a message. */
export function sayReason(problem: { reason: string; message?: Message }): string {
  return problem.message ? sayMessage(problem.message) : problem.reason;
}
