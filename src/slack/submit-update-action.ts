/**
 * The action ids of "Submit update" buttons. A reminder has one per task section (each block its
 * own, so all are {@link ActionId.reminderSubmitUpdate}); the App Home puts a cut-off's buttons in
 * one actions block, where Slack wants action ids unique
 * (https://api.slack.com/reference/block-kit/block-elements#button), so each gets
 * `reminder_submit_update_<index>`. The listener matches {@link SUBMIT_UPDATE_PATTERN}: every
 * such button opens the same modal from its value ("<cutoffId>:<institutionId>:<number>").
 */
import { ActionId } from "./ids.ts";

/** action_id of the `index`-th "Submit update" button of one actions block. */
export function submitUpdateActionId(index: number): string {
  return `${ActionId.reminderSubmitUpdate}_${index}`;
}

/** Matches the bare {@link ActionId.reminderSubmitUpdate} and every {@link submitUpdateActionId}. */
export const SUBMIT_UPDATE_PATTERN = new RegExp(`^${ActionId.reminderSubmitUpdate}(?:_\\d+)?$`);
