/**
 * Opening the App Home in the integration suites, as Slack does: the signed `app_home_opened`
 * event to the running test app, then the `views.publish` it answers with, read from the
 * emulator (https://docs.slack.dev/reference/events/app_home_opened); and the Home suites' app
 * with a Latvian secretary, an English one and LM's contact.
 */
import { expect } from "vitest";
import { isCall } from "../../../src/emulator/server.ts";
import type { RecordedCall } from "../../../src/emulator/types.ts";
import { validateView } from "../../../src/slack/block-limits.ts";
import { blocksToText } from "../../../src/slack/blocks-to-text.ts";
import type { TestApp } from "../../helpers/app.ts";
import { startLmApp } from "./lm-cutoffs.ts";

/** The Home suites' people: two secretaries (sekretare lv, john en) and anna, LM's contact (lv). */
export const HOME_PEOPLE = { secretary: "U0SEC0001", john: "U0JOHN001", anna: "U0ANNA001" };

/**
 * Starts the app at `now` (lm-cutoffs.ts startLmApp) with {@link HOME_PEOPLE}: sekretare and
 * john are the secretaries, john has chosen English, anna is LM's contact (channel C0LM).
 */
export function startHomeApp(now: string): Promise<TestApp> {
  const { secretary, john, anna } = HOME_PEOPLE;
  return startLmApp({
    now,
    people: [
      { id: secretary, name: "sekretare", locale: "lv-LV" },
      { id: john, name: "john", locale: "en-US" },
      { id: anna, name: "anna", locale: "lv-LV" },
    ],
    english: john,
    contact: anna,
    secretaries: [secretary, john],
  });
}

/**
 * Opens `userId`'s Home tab through the signed endpoint and returns the view the app published
 * for it (a publish after this call, within 60 s) as text (blocksToText). Expects the publish
 * to have succeeded and the view to keep Slack's Home limits (validateView).
 * @throws Error when no such publish comes within 60 s.
 */
export async function openHome(t: TestApp, userId: string): Promise<string> {
  const after = t.emulator.calls.length;
  const call = t.emulator.waitFor(
    isCall("views.publish", (c) => c.args.user_id === userId && c.seq > after),
    60_000,
  );
  await t.slack.event({ type: "app_home_opened", user: userId, channel: "D0HOME001", tab: "home" });
  const done: RecordedCall = await call;
  expect(done.ok, JSON.stringify(done.response)).toBe(true);
  const view = done.args.view as { type: "home"; blocks: unknown[] };
  expect(validateView(view, "home")).toEqual([]);
  return blocksToText(view.blocks as Parameters<typeof blocksToText>[0]);
}
