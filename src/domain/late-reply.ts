/**
 * When a reply is late: received after its own cut-off's time. One rule for every place that
 * marks a reply "(pēc ziņošanas termiņa)" / "(after the reporting cut-off)": `/task`'s lines
 * (src/slack/render-task-cutoff.ts), the reminders' last reply (src/slack/render-reminder.ts)
 * and the App Home's "↩️" lines (src/home/other-late.ts). Pure.
 */

/**
 * True when `receivedAt` (the reply's time, UTC ISO) is after `cutoffAt` (its cut-off's time,
 * UTC ISO): a reply at the very instant is in time. Compared as instants (`Date.parse`), so two
 * spellings of one instant agree. An unparsable time is never late.
 */
export function receivedLate(receivedAt: string, cutoffAt: string): boolean {
  return Date.parse(receivedAt) > Date.parse(cutoffAt);
}
