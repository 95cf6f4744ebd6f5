/**
 * A heading task (10, 10.1, 13: the annex prints no status, deadline or institution for them)
 * reads by one rule in every `/task` view: its sub-tasks' statuses counted, never "⚪ no result
 * indicator" (a fresh user's finding: the overview and `/task 10` showed 10.1 as "⚪ Bez
 * rezultatīvā rādītāja" while `/task 10.1` showed "Sk. apakšuzdevumus: 🟡 1 · ✅ 2"). The annex
 * of the bundled report: 10.1.1 partly done (IeM), 10.1.2 and 10.1.3 done (LM, ĀM), 10.2 done.
 * Through the signed endpoint, in Latvian and English; a secretary's status change moves every
 * view's counts alike. A heading linked to an institution (13 → IEM, as an annex naming one on
 * the heading row would store) reads the same in `/task IEM` as on that institution's contacts'
 * App Home (a reviewer's finding: `/task IEM` showed "⚪ *13*", the Home "📂 *13* … (✅ 4)").
 * SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { replaceTaskInstitutions } from "../../db/tasks.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
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
  // Anna and John answer for IEM, and heading 13 (over IEM's 13.4) is linked to IEM; before
  // any `/task`, so no answer read before the link is reused.
  const db = t.app.db;
  const iem = (await findInstitution(db, "IEM"))?.id ?? 0;
  await setMapping(db, iem, null, [ANNA, JOHN], "2026-11-29T12:00:00.000Z");
  const thirteen = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "13")
    .executeTakeFirstOrThrow();
  await replaceTaskInstitutions(db, thirteen.id, [{ institutionId: iem, role: "responsible" }]);
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

/** The list line of task `n` in `text` (trimmed); fails when there is none. */
function lineOf(text: string, n: string): string {
  const line = text.split("\n").find((l) => l.trimStart().match(/^\S+ \*([\d.]+)\* /u)?.[1] === n);
  expect(line, `task ${n} in:\n${text}`).toBeDefined();
  return line?.trim() ?? "";
}

/** The counts in a list line's " (✅ 2 · 🟡 1)" at its end, or null. */
const listCounts = (line: string) => / \(([^()]*\d)\)$/u.exec(line)?.[1] ?? null;

/** The counts of `/task N`'s status field ("Sk. apakšuzdevumus: ✅ 2 · 🟡 1"), or null. */
function fieldCounts(text: string, label: string): string | null {
  return new RegExp(`${label}: ([^\\n]*\\d)`, "u").exec(text)?.[1] ?? null;
}

describe("a heading task shows its sub-tasks' statuses in every /task view", () => {
  it("the overview, /task 10 and /task 10.1 agree on 10.1 (lv)", async () => {
    const overview = await slashText(t, "/task", "", ANNA);
    const ten = await slashText(t, "/task", "10", ANNA);
    const tenOne = await slashText(t, "/task", "10.1", ANNA);
    expect(fieldCounts(tenOne, "Sk. apakšuzdevumus")).toBe("✅ 2 · 🟡 1");
    for (const list of [overview, ten]) {
      const line = lineOf(list, "10.1");
      expect(line).toMatch(/^📂 \*10\.1\* Pilnveidot/u);
      expect(listCounts(line)).toBe("✅ 2 · 🟡 1");
    }
    // 10 counts what is under 10.1 and 10.2, not 10.1 itself.
    expect(fieldCounts(ten, "Sk. apakšuzdevumus")).toBe("✅ 3 · 🟡 1");
    expect(listCounts(lineOf(overview, "10"))).toBe("✅ 3 · 🟡 1");
    expect(lineOf(overview, "13")).toMatch(/^📂 \*13\* /u);
    // Sub-tasks keep their own marks; no heading reads "no result indicator".
    expect(lineOf(overview, "10.1.1")).toMatch(/^🟡 \*10\.1\.1\* /u);
    expect(lineOf(ten, "10.2")).toMatch(/^✅ \*10\.2\* /u);
    for (const text of [overview, ten, tenOne]) expect(text).not.toContain("⚪");
    expect(tenOne).not.toContain("Bez statusa");
    // The count line counts the three headings apart, not as "no result indicator".
    expect(overview).toContain("📂 Virsraksti ar apakšuzdevumiem: *3*");
  });

  it("reads the same in English", async () => {
    const overview = await slashText(t, "/task", "help", JOHN);
    const ten = await slashText(t, "/task", "10", JOHN);
    const tenOne = await slashText(t, "/task", "10.1", JOHN);
    expect(fieldCounts(tenOne, "See sub-tasks")).toBe("✅ 2 · 🟡 1");
    expect(fieldCounts(ten, "See sub-tasks")).toBe("✅ 3 · 🟡 1");
    expect(listCounts(lineOf(overview, "10.1"))).toBe("✅ 2 · 🟡 1");
    expect(listCounts(lineOf(ten, "10.1"))).toBe("✅ 2 · 🟡 1");
    expect(overview).toContain("📂 Headings with sub-tasks: *3*");
    for (const text of [overview, ten, tenOne]) {
      expect(text).not.toContain("⚪");
      expect(text).not.toContain("No status");
    }
  });

  it("a sub-task's status change moves every view's counts alike", async () => {
    const set = await slashText(t, "/task", "10.1.1 set status done", SECRETARY);
    expect(set).toContain("10.1.1");
    const overview = await slashText(t, "/task", "", ANNA);
    const ten = await slashText(t, "/task", "10", ANNA);
    const tenOne = await slashText(t, "/task", "10.1", ANNA);
    expect(fieldCounts(tenOne, "Sk. apakšuzdevumus")).toBe("✅ 3");
    expect(listCounts(lineOf(ten, "10.1"))).toBe("✅ 3");
    expect(listCounts(lineOf(overview, "10.1"))).toBe("✅ 3");
    expect(fieldCounts(ten, "Sk. apakšuzdevumus")).toBe("✅ 4");
    expect(listCounts(lineOf(overview, "10"))).toBe("✅ 4");
  });
});

/** Opens `userId`'s Home tab through the signed endpoint; the published view as text. */
async function openHome(userId: string): Promise<string> {
  const after = t.emulator.calls.length;
  const call = t.emulator.waitFor(
    isCall("views.publish", (c) => c.args.user_id === userId && c.seq > after),
    60_000,
  );
  await t.slack.event({ type: "app_home_opened", user: userId, channel: "D0HOME001", tab: "home" });
  const done: RecordedCall = await call;
  expect(done.ok, JSON.stringify(done.response)).toBe(true);
  const view = done.args.view as { blocks: unknown[] };
  return blocksToText(view.blocks as Parameters<typeof blocksToText>[0]);
}

describe("/task <institution> lists a heading linked to it as the Home does", () => {
  it("/task IEM shows 13 with its sub-tasks' counts, as Home (lv)", async () => {
    const iem = await slashText(t, "/task", "IEM", ANNA);
    const home = await openHome(ANNA);
    const line = lineOf(iem, "13");
    expect(line).toMatch(/^📂 \*13\* Veikt izglītojošus /u);
    expect(listCounts(line)).toBe("✅ 4");
    expect(listCounts(line)).toBe(listCounts(lineOf(home, "13")));
    // Sub-tasks keep their own marks and no counts; nothing reads "no result indicator".
    expect(lineOf(iem, "13.4")).toMatch(/^✅ \*13\.4\* [^()]*$/u);
    expect(lineOf(iem, "10.1.1")).toMatch(/^\S+ \*10\.1\.1\* [^()]*$/u);
    expect(iem).not.toContain("⚪");
    expect(iem).not.toContain("Bez statusa");
  });

  it("reads the same in English", async () => {
    const iem = await slashText(t, "/task", "IEM", JOHN);
    const home = await openHome(JOHN);
    const line = lineOf(iem, "13");
    expect(line).toMatch(/^📂 \*13\* /u);
    expect(listCounts(line)).toBe("✅ 4");
    expect(listCounts(line)).toBe(listCounts(lineOf(home, "13")));
    expect(iem).not.toContain("⚪");
    expect(iem).not.toContain("No status");
  });
});
