/**
 * `--tasks` naming a heading (the report's row 13 over 13.1–13.4, no institutions of its own):
 * the cut-off stores its sub-tasks and the answer says so ("13 → 13.1, 13.2, 13.3, 13.4"), so
 * the institutions of the sub-tasks are reminded, instead of a scope of one task and nobody
 * (a fresh user's finding). The CLI's `cutoff add --tasks` goes through the same command.
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { handle as handleTask, parse as parseTask } from "../../commands/task.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { listReminders } from "../../db/reminders.ts";
import { expandHeadingNumbers, type OutlineTask } from "../../db/scope.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-29T12:00:00Z" });

const cutoff = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

async function onlyCutoff() {
  const [c] = await listCutoffs(w.db);
  if (!c) throw new Error("no cut-off");
  return c;
}

describe("/cutoff add --tasks with a heading", () => {
  it("stores the heading's sub-tasks and says so; their institutions are reminded", async () => {
    const added = await cutoff("add 2027-04-15 --tasks 13 Virsraksti");
    expect(added).toContain("Virsraksts nozīmē tā apakšuzdevumus: 13 → 13.1, 13.2, 13.3, 13.4.");
    expect(added).toContain("Apjoms: 4 uzdevumi");
    expect(added).not.toContain("0 institūcijas");
    const c = await onlyCutoff();
    expect(c.taskNumbers).toEqual(["13.1", "13.2", "13.3", "13.4"]);
    expect((await listReminders(w.db, c.id)).length).toBeGreaterThan(0);
    const plan = await cutoff(`plan ${c.id}`);
    expect(plan).not.toContain("nav neviena uzdevuma");
    // /task shows the cut-off on each sub-task; the heading no longer says nothing is planned.
    const task = async (n: string) =>
      blocksToText(
        (await handleTask(parseTask(n), { db: w.db, clock: w.clock, zone: "Europe/Riga" }, "lv"))
          .blocks,
      );
    expect(await task("13")).not.toContain("Atgādinājumi vairs nav plānoti");
    expect(await task("13.4")).toContain("Ziņošanas termiņš #1");
  });

  it("expands a nested heading, keeps other numbers once, in the report's order (en)", async () => {
    const added = await cutoff("add 2027-04-15 --tasks 13.2,10,13 Virsraksti", "en");
    expect(added).toContain(
      "Headings stand for their sub-tasks: 10 → 10.1.1, 10.1.2, 10.1.3, 10.2; 13 → 13.1, 13.2, 13.3, 13.4.",
    );
    expect((await onlyCutoff()).taskNumbers).toEqual([
      "10.1.1",
      "10.1.2",
      "10.1.3",
      "10.2",
      "13.1",
      "13.2",
      "13.3",
      "13.4",
    ]);
  });

  it("says nothing of headings when none was named", async () => {
    const added = await cutoff("add 2027-04-15 --tasks 13.4 Pārbaude");
    expect(added).not.toContain("→");
    expect((await onlyCutoff()).taskNumbers).toEqual(["13.4"]);
  });
});

describe("expandHeadingNumbers", () => {
  const task = (number: string, parentNumber: string | null, status: OutlineTask["status"]) => ({
    number,
    parentNumber,
    status,
  });
  const tasks = [
    task("1", null, "partial"),
    task("1.1", "1", "done"),
    task("2", null, null),
    task("2.1", "2", null),
    task("3", null, null),
  ];

  it("keeps a parent with a status of its own and a task with no sub-tasks as named", () => {
    expect(expandHeadingNumbers(tasks, ["3", "1"])).toEqual({ numbers: ["1", "3"], expanded: [] });
  });

  it("takes a heading's sub-tasks, a sub-task without a status too", () => {
    expect(expandHeadingNumbers(tasks, ["2"])).toEqual({
      numbers: ["2.1"],
      expanded: [{ heading: "2", subTasks: ["2.1"] }],
    });
  });
});
