/**
 * Every `action_id` and `callback_id` the app uses, defined once. Values are stable: changing
 * one breaks buttons on messages already posted.
 */
export const ActionId = {
  /** "Show full progress" on a /task answer; value = {@link taskRef}. */
  taskShowProgress: "task_show_progress",
  /** "Share in channel" on a /task answer; value = {@link taskRef}. */
  taskShare: "task_share",
  /** "Submit update" on a reminder; value = "<cutoffId>:<institutionId>:<task number>". */
  reminderSubmitUpdate: "reminder_submit_update",
  /** Attach an unassigned reply to a task; value = "<replyId>:<task number>". */
  replyAssign: "reply_assign",
  /** "Post to the working group" on a draft digest (secretary only); value = digest id. */
  digestPost: "digest_post",
  /** "Prepare a digest" on the secretary's App Home; value unused. */
  digestRequest: "digest_request",
  /** The language choice on the App Home (a select); option value "lv", "en" or "slack". */
  homeLanguage: "home_language",
  /** Older/newer page of `/task N history`; value = "<task number>:<page>". */
  taskHistoryPage: "task_history_page",
} as const;

/** Modal callback ids. */
export const CallbackId = {
  taskProgress: "task_progress_modal",
  /** The "Submit update" modal; private_metadata = JSON {cutoffId, institutionId, number}. */
  submitUpdate: "submit_update_modal",
} as const;

/** A task reference carried in a button value: "<programme code>:<number>" ("2009-2013:14"). */
export function taskRef(programmeCode: string, number: string): string {
  return `${programmeCode}:${number}`;
}

/** Reads a {@link taskRef}; `undefined` when the value is not one. */
export function parseTaskRef(value: string): { programmeCode: string; number: string } | undefined {
  const at = value.lastIndexOf(":");
  if (at <= 0 || at === value.length - 1) return undefined;
  return { programmeCode: value.slice(0, at), number: value.slice(at + 1) };
}
