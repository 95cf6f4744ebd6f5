/**
 * The App Home reads a heading task (10, 10.1, 13: no status of its own, sub-tasks under it) by
 * the rule `/task` follows (13a2c7e): its counts count the three headings apart ("📂 Virsraksti
 * ar apakšuzdevumiem *3*"), not under "⚪ Bez statusa", with the same numbers as
 * the `/task` overview's count line; a heading in a contact's task list reads "📂 *13* … (✅ 4)"
 * and its sub-tasks keep their own marks. Through the signed endpoint (`app_home_opened`,
 * `views.publish` in the emulator), in Latvian and English, and again after a secretary's
 * `/task 10.1.1 set status done`. SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { replaceTaskInstitutions } from "../../db/tasks.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { slashText } from "../helpers/slash.ts";
import { openHome as openHomeOf } from "./support/home.ts";

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
  // Anna and John answer for IEM. The bundled annex names no institution on a heading row;
  // an annex that does (13, over IEM's 13.4) puts the heading in IEM's list on the Home.
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

/** Opens `userId`'s Home tab through the signed endpoint; the published view as text. */
const openHome = (userId: string): Promise<string> => openHomeOf(t, userId);

/** "label *n*" pairs of a count line (the Home's "A *1* · B *2*", `/task`'s "A: *1*   B: *2*"). */
function countsOf(text: string, first: string): Map<string, number> {
  const line = text.split("\n").find((l) => l.startsWith(first));
  expect(line, `a count line starting "${first}" in:\n${text}`).toBeDefined();
  return new Map(
    [...(line ?? "").matchAll(/([^*·]+?):? \*(\d+)\*/gu)].map((m) => [
      (m[1] ?? "").trim(),
      Number(m[2]),
    ]),
  );
}

/** The list line of task `n` in `text` (trimmed); fails when there is none. */
function lineOf(text: string, n: string): string {
  const line = text.split("\n").find((l) => l.trimStart().match(/^\S+ \*([\d.]+)\* /u)?.[1] === n);
  expect(line, `task ${n} in:\n${text}`).toBeDefined();
  return line?.trim() ?? "";
}

describe("the App Home counts and lists heading tasks as /task does", () => {
  it("counts the three headings apart, with the overview's numbers (lv)", async () => {
    const home = await openHome(ANNA);
    const overview = await slashText(t, "/task", "", ANNA);
    const homeCounts = countsOf(home, "✅");
    expect(homeCounts.get("📂 Virsraksti ar apakšuzdevumiem")).toBe(3);
    expect(home).not.toContain("Bez statusa");
    expect(home).not.toContain("⚪");
    // The same labels and numbers as the `/task` overview's count line.
    expect(homeCounts).toEqual(countsOf(overview, "✅"));
    // All 35 rows (30 + 2 + 3) counted, as /task help and the README count them: 26 tasks and
    // 9 sub-tasks, not 35 tasks.
    const total = [...homeCounts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(35);
    expect(home).toContain("– 26 uzdevumi un 9 apakšuzdevumi\n");
  });

  it("lists a heading among a contact's tasks with its sub-tasks' statuses (lv)", async () => {
    const home = await openHome(ANNA);
    expect(lineOf(home, "13")).toMatch(/^📂 \*13\* Veikt izglītojošus .*\(✅ 4\)$/u);
    // Sub-tasks keep their own marks and no counts.
    expect(lineOf(home, "13.4")).toMatch(/^✅ \*13\.4\* [^()]*$/u);
    expect(lineOf(home, "10.1.1")).toMatch(/^🟡 \*10\.1\.1\* /u);
  });

  it("reads the same in English", async () => {
    const home = await openHome(JOHN);
    const overview = await slashText(t, "/task", "help", JOHN);
    const homeCounts = countsOf(home, "✅");
    expect(homeCounts.get("📂 Headings with sub-tasks")).toBe(3);
    expect(homeCounts).toEqual(countsOf(overview, "✅"));
    expect(home).toContain("– 26 tasks and 9 sub-tasks\n");
    expect(home).not.toContain("No status");
    expect(home).not.toContain("⚪");
    expect(lineOf(home, "13")).toMatch(/^📂 \*13\* .*\(✅ 4\)$/u);
  });

  it("moves with a sub-task's status change as the overview does", async () => {
    const set = await slashText(t, "/task", "10.1.1 set status done", SECRETARY);
    expect(set).toContain("10.1.1");
    const overview = countsOf(await slashText(t, "/task", "", ANNA), "✅");
    const home = await openHome(ANNA);
    const after = countsOf(home, "✅");
    expect(after).toEqual(overview);
    // The headings are still three, however their sub-tasks' statuses move.
    expect(after.get("📂 Virsraksti ar apakšuzdevumiem")).toBe(3);
    expect(lineOf(home, "10.1.1")).toMatch(/^✅ \*10\.1\.1\* /u);
  });
});
