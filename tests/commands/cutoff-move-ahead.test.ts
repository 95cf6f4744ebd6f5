/**
 * A fresh user's findings on `/cutoff move`: (1) a passed cut-off whose scope named a task that
 * later became a heading is ahead again after a move, and then the heading stands for its
 * sub-tasks (as the importer widens cut-offs ahead, db/scope-ahead.ts), audited, so the
 * sub-tasks' institutions are asked; (2) `/cutoff list` names as the next reminder only one
 * that will be sent, by the plan's rule: not one of an institution that answered everything.
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { auditFor } from "../../db/audit.ts";
import { setMapping } from "../../db/contacts.ts";
import { findCutoff, insertCutoff, listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { insertReply } from "../../db/replies.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-29T12:00:00Z" });

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

/** A cut-off stored as it was before task 13 was a heading, passed on 20 November. */
async function passedWithHeading(): Promise<number> {
  const programme = await currentProgramme(w.db);
  if (!programme) throw new Error("no programme");
  const c = await insertCutoff(w.db, {
    programmeId: programme.id,
    at: "2026-11-20T10:00:00.000Z",
    title: "Vecais",
    taskNumbers: ["14", "13"],
    createdBy: SECRETARY,
    createdAt: "2026-11-01T10:00:00.000Z",
  });
  return c.id;
}

describe("/cutoff move of a passed cut-off whose scope names a heading", () => {
  it("widens the heading to its sub-tasks, audited, says so and plans their reminders", async () => {
    const id = await passedWithHeading();
    const lv = await run(`move ${id} 2027-03-01`);
    expect(lv).toContain("Virsraksts nozīmē tā apakšuzdevumus: 13 → 13.1, 13.2, 13.3, 13.4.");
    const c = await findCutoff(w.db, id);
    expect(c?.taskNumbers).toEqual(["13.1", "13.2", "13.3", "13.4", "14"]);
    const entry = (await auditFor(w.db, "cutoff", String(id))).find(
      (e) => e.field === "task_numbers",
    );
    expect(entry?.actor).toBe(SECRETARY);
    expect(JSON.parse(entry?.before ?? "null")).toEqual(["14", "13"]);
    expect(JSON.parse(entry?.after ?? "null")).toEqual(["13.1", "13.2", "13.3", "13.4", "14"]);
    // The sub-tasks' institutions (AiM has 13.2) get reminders for the new time.
    const aim = await findInstitution(w.db, "AiM");
    const rows = await listReminders(w.db, id);
    expect(rows.some((r) => r.institutionId === aim?.id)).toBe(true);
    expect(await run(`plan ${id}`)).toContain("*AiM*");
    // Moved again: nothing left to widen, no second entry, no heading line.
    const en = await run(`move ${id} 2027-03-02`, "en");
    expect(en).not.toContain("stand for");
    const entries = (await auditFor(w.db, "cutoff", String(id))).filter(
      (e) => e.field === "task_numbers",
    );
    expect(entries).toHaveLength(1);
  });

  it("a scope with no heading is left as stored", async () => {
    await run("add 2026-12-20 --tasks 14 Pārbaude");
    const [c] = await listCutoffs(w.db);
    if (!c) throw new Error("no cut-off");
    expect(await run(`move ${c.id} 2027-01-10`)).not.toContain("apakšuzdevum");
    expect((await findCutoff(w.db, c.id))?.taskNumbers).toEqual(["14"]);
  });
});

describe("/cutoff list's next reminder after everything was answered", () => {
  /** LM mapped; cut-off for task 14 (LM's alone), answered by LM's contact; moved. */
  async function answeredAndMoved(): Promise<number> {
    const lm = await findInstitution(w.db, "LM");
    if (!lm) throw new Error("no LM");
    await setMapping(w.db, lm.id, "C0LM", ["U0ANNA"], "2026-11-29T12:00:00Z");
    await run("add 2026-12-20 --tasks 14 Pārbaude");
    const [cutoff] = await listCutoffs(w.db);
    if (!cutoff) throw new Error("no cut-off");
    const task = await w.db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", "14")
      .executeTakeFirstOrThrow();
    await insertReply(w.db, {
      cutoffId: cutoff.id,
      institutionId: lm.id,
      taskId: task.id,
      channelId: "C0LM",
      ts: "1800000000.000100",
      threadTs: "1790000000.000100",
      userId: "U0ANNA",
      text: "14: izpildīts",
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: "2026-11-29T12:30:00.000Z",
    });
    expect(await run(`move ${cutoff.id} 2027-01-10`)).toContain("viss atbildēts (LM)");
    return cutoff.id;
  }

  it("names none when every reminder will be skipped (lv, en)", async () => {
    await answeredAndMoved();
    const lv = await run("list");
    expect(lv).not.toContain("nākamais atgādinājums");
    // Every institution asked has answered: said so, not as if reminders had run out.
    expect(lv).toContain("visas institūcijas ir atbildējušas");
    const en = await run("list", "en");
    expect(en).not.toContain("next reminder:");
    expect(en).toContain("all institutions have answered");
  });

  it("names the next one of an institution still asked", async () => {
    const iem = await findInstitution(w.db, "IEM");
    if (!iem) throw new Error("no IEM");
    await setMapping(w.db, iem.id, "C0IEM", ["U0JANIS"], "2026-11-29T12:00:00Z");
    const id = await answeredAndMoved();
    await run(`add 2027-02-10 --tasks 18 Otrs`);
    const list = await run("list");
    // #1 (LM answered) names none; #2 (task 18: IEM still asked) names its next one.
    const first = list.slice(list.indexOf(`#${id}`), list.indexOf("#2"));
    expect(first).toContain("visas institūcijas ir atbildējušas");
    expect(list.slice(list.indexOf("#2"))).toContain("nākamais atgādinājums");
  });
});
