/**
 * The plan of a cut-off labels the planned reminders of an institution that has answered every
 * task as the sender will treat them (a fresh user's finding: after `/cutoff move` they read
 * "ieplānots", then went "izlaists – viss atbildēts"). The rule is reminded.ts's
 * `nothingLeftToAsk`, the one `send-reminder` skips on.
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { setMapping } from "../../db/contacts.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertReply } from "../../db/replies.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-29T12:00:00Z" });

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

async function taskId(number: string): Promise<number> {
  const row = await w.db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * LM mapped with a contact; a cut-off for `tasks` (task 14 is LM's alone); LM's contact (or,
 * `verified` false, someone else) answers each of LM's tasks `answered`.
 */
async function answeredByLm(
  verified: boolean,
  tasks = "14",
  answered: readonly string[] = ["14"],
): Promise<number> {
  const lm = await findInstitution(w.db, "LM");
  if (!lm) throw new Error("no LM");
  await setMapping(w.db, lm.id, "C0LM", ["U0ANNA"], "2026-11-29T12:00:00Z");
  await run(`add 2026-12-20 --tasks ${tasks} Pārbaude`);
  const [cutoff] = await listCutoffs(w.db);
  if (!cutoff) throw new Error("no cut-off");
  for (const [i, number] of answered.entries())
    await insertReply(w.db, {
      cutoffId: cutoff.id,
      institutionId: lm.id,
      taskId: await taskId(number),
      channelId: "C0LM",
      ts: `1800000000.00010${i}`,
      threadTs: "1790000000.000100",
      userId: verified ? "U0ANNA" : "U0OTHER",
      text: `${number}: izpildīts`,
      files: [],
      statusClaim: null,
      verified,
      source: "event",
      receivedAt: "2026-11-29T12:30:00.000Z",
    });
  return cutoff.id;
}

const lmParagraph = (plan: string) => plan.slice(plan.lastIndexOf("*LM*"));

describe("/cutoff plan of an institution that answered everything", () => {
  it("after a move, its reminders read 'netiks nosūtīts – viss atbildēts' (lv, en)", async () => {
    const id = await answeredByLm(true);
    await run(`move ${id} 2027-01-10`);
    const lv = lmParagraph(await run(`plan ${id}`));
    expect(lv).toContain("netiks nosūtīts – viss atbildēts");
    expect(lv).not.toContain("– ieplānots");
    const en = lmParagraph(await run(`plan ${id}`, "en"));
    expect(en).toContain("will not be sent – all answered");
    expect(en).not.toContain("– planned");
  });

  it("a reply by someone not a contact answers nothing: still planned", async () => {
    const id = await answeredByLm(false);
    const lv = lmParagraph(await run(`plan ${id}`));
    expect(lv).toContain("– ieplānots");
    expect(lv).not.toContain("viss atbildēts");
  });
});

// The answer to a move counts the reminders that will go: those of an institution that
// answered everything are skipped by the sender, so they are said apart (a reviewer's finding:
// "plānoti 12" when 4 of them would never go).
describe("/cutoff move with an institution that answered everything", () => {
  /** Planned reminders of the cut-off's present time by institution code. */
  async function plannedBy(id: number): Promise<Map<string, number>> {
    const rows = await w.db
      .selectFrom("reminders")
      .innerJoin("cutoffs", "cutoffs.id", "reminders.cutoff_id")
      .innerJoin("institutions", "institutions.id", "reminders.institution_id")
      .select("institutions.code")
      .where("reminders.cutoff_id", "=", id)
      .where("reminders.state", "=", "planned")
      .whereRef("reminders.cutoff_at", "=", "cutoffs.at")
      .execute();
    const by = new Map<string, number>();
    for (const r of rows) by.set(r.code, (by.get(r.code) ?? 0) + 1);
    return by;
  }

  it("counts only the reminders that go; LM's are said apart (lv, en)", async () => {
    // Tasks 14 (LM), 18 (IEM, LM), 13.2 (AiM, no channel): LM answers both of its tasks.
    const iem = await findInstitution(w.db, "IEM");
    if (!iem) throw new Error("no IEM");
    await setMapping(w.db, iem.id, "C0IEM", ["U0JANIS"], "2026-11-29T12:00:00Z");
    const id = await answeredByLm(true, "14,18,13.2", ["14", "18"]);
    const lv = await run(`move ${id} 2027-01-10`);
    const by = await plannedBy(id);
    const lm = by.get("LM") ?? 0;
    const aim = by.get("AiM") ?? 0;
    const goes = (by.get("IEM") ?? 0) + aim;
    expect(lm).toBeGreaterThan(1);
    expect(goes).toBeGreaterThan(lm);
    expect(lv).toContain(`Jaunajam laikam plānoti ${goes} atgādinājumi, pirmais `);
    expect(lv).toContain(`Vēl ${lm} atgādinājumi netiks nosūtīti – viss atbildēts (LM).`);
    // The no-channel warning counts out of the same reminders as the first line.
    expect(lv).toContain(`⚠️ Nav Slack kanāla: AiM – ${aim} no ${goes} plānotajiem`);
    // The plan's summary counts them as the answer does, above the rows saying "viss atbildēts"
    // (a fresh user's finding: it counted LM's among the reminders that go).
    expect(await run(`plan ${id}`)).toContain(
      `· ${goes} atgādinājumi, vēl ${lm} netiks nosūtīti – viss atbildēts\n`,
    );
    expect(await run(`plan ${id}`, "en")).toContain(
      `· ${goes} reminders, ${lm} more will not be sent – all answered\n`,
    );
    const en = await run(`move ${id} 2027-01-11`, "en");
    expect(en).toContain(`${goes} reminders planned for the new time, the first `);
    expect(en).toContain(`${lm} more reminders will not be sent – all answered (LM).`);
    expect(en).toContain(`AiM – ${aim} of the ${goes} reminders planned will not be sent.`);
  });

  it("none goes when the only institution answered everything (lv, en)", async () => {
    const id = await answeredByLm(true);
    const lv = await run(`move ${id} 2027-01-10`);
    const lm = (await plannedBy(id)).get("LM") ?? 0;
    expect(lm).toBeGreaterThan(1);
    expect(lv).toContain(
      `Jaunajam laikam neviens atgādinājums netiks nosūtīts: ${lm} plānotie tiks izlaisti – viss atbildēts (LM).`,
    );
    expect(lv).not.toContain("Jaunajam laikam plānoti");
    expect(await run(`plan ${id}`)).toContain(
      `· ${lm} atgādinājumi netiks nosūtīti – viss atbildēts\n`,
    );
    expect(await run(`plan ${id}`, "en")).toContain(
      `· ${lm} reminders will not be sent – all answered\n`,
    );
    const en = await run(`move ${id} 2027-01-11`, "en");
    expect(en).toContain(
      `No reminder will go out for the new time: the ${lm} reminders planned will be skipped – all answered (LM).`,
    );
  });

  it("a reply by someone not a contact answers nothing: every reminder counted", async () => {
    const id = await answeredByLm(false);
    const lv = await run(`move ${id} 2027-01-10`);
    const lm = (await plannedBy(id)).get("LM") ?? 0;
    expect(lv).toContain(`Jaunajam laikam plānoti ${lm} atgādinājumi, pirmais `);
    expect(lv).not.toContain("viss atbildēts");
  });
});
