/**
 * Task lists read as a tree: a sub-task is indented under its parent only when the parent is
 * listed too. `/task IEM` lists 10.1.1, 10.2 and 13.4 without 10, 10.1 and 13, so they start at
 * the margin; the overview lists every task, so 10.1 is one level in and 10.1.1 two. The App
 * Home's list of a contact's tasks follows the same rule. Through the signed endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCall } from "../../src/emulator/server.ts";
import { validateView } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";

const SECRETARY = "U0SEC0001";
const ANNA = "U0ANNA001";
const JOHN = "U0JOHN001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
});
afterAll(async () => {
  await t?.stop();
});

/** The line of task `n` in `text`, with its leading spaces. */
function lineOf(text: string, n: string): string {
  const line = text.split("\n").find((l) => l.includes(`*${n}* `));
  expect(line, `task ${n} in:\n${text}`).toBeDefined();
  return line ?? "";
}

/** How many spaces the line of task `n` starts with. */
const indentOf = (text: string, n: string) => /^ */u.exec(lineOf(text, n))?.[0].length ?? -1;

describe("task lists indent a sub-task only under its listed parent", () => {
  it("/task IEM lists 10.1.1, 10.2 and 13.4 at the margin (their parents are not IEM's)", async () => {
    for (const user of [SECRETARY, JOHN]) {
      const text = await slashText(t, "/task", "IEM", user);
      for (const n of ["1", "10.1.1", "10.2", "11", "13.4", "26"])
        expect(indentOf(text, n)).toBe(0);
      expect(text).not.toMatch(/^ +\S/mu);
    }
  });

  it("/task LM lists 10.1.2 and 13.3 at the margin", async () => {
    const text = await slashText(t, "/task", "LM", SECRETARY);
    expect(indentOf(text, "10.1.2")).toBe(0);
    expect(indentOf(text, "13.3")).toBe(0);
  });

  it("the overview (/task help) nests every level under its parent", async () => {
    const text = await slashText(t, "/task", "help", SECRETARY);
    expect(indentOf(text, "10")).toBe(0);
    expect(indentOf(text, "10.1")).toBe(4);
    expect(indentOf(text, "10.1.1")).toBe(8);
    expect(indentOf(text, "10.2")).toBe(4);
    expect(indentOf(text, "13")).toBe(0);
    expect(indentOf(text, "13.4")).toBe(4);
    expect(indentOf(text, "14")).toBe(0);
  });

  it("the App Home's list of IEM's tasks for its contact has no dangling indent either", async () => {
    await slashText(t, "/institution", `set IEM <#C0LOCAL01> <@${ANNA}>`, SECRETARY);
    const published = t.emulator.waitFor(
      isCall("views.publish", (c) => c.args.user_id === ANNA),
      10_000,
    );
    await t.slack.event({ type: "app_home_opened", user: ANNA, channel: "D0ANNA001", tab: "home" });
    const view = (await published).args.view as { blocks: unknown[] };
    expect(validateView(view, "home")).toEqual([]);
    const text = blocksToText(view.blocks as Parameters<typeof blocksToText>[0]);
    expect(indentOf(text, "1")).toBe(0);
    expect(indentOf(text, "10.1.1")).toBe(0);
  });
});
