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

/** LM mapped with a contact; a cut-off for task 14; LM's contact answers task 14. */
async function answeredByLm(verified: boolean): Promise<number> {
  const lm = await findInstitution(w.db, "LM");
  if (!lm) throw new Error("no LM");
  await setMapping(w.db, lm.id, "C0LM", ["U0ANNA"], "2026-11-29T12:00:00Z");
  await run("add 2026-12-20 --tasks 14 Pārbaude");
  const [cutoff] = await listCutoffs(w.db);
  if (!cutoff) throw new Error("no cut-off");
  await insertReply(w.db, {
    cutoffId: cutoff.id,
    institutionId: lm.id,
    taskId: await taskId("14"),
    channelId: "C0LM",
    ts: "1800000000.000100",
    threadTs: "1790000000.000100",
    userId: verified ? "U0ANNA" : "U0OTHER",
    text: "14: izpildīts",
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
