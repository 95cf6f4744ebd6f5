/**
 * A tester's find: only janis (not an IEM contact) had answered for IEM, and the digest counted
 * it as IEM's answer ("visu prasīto iesniegušas *2* no *3*", "*IEM* – atbildēts 1/1", IEM not
 * among "Vēl nav atbildējušas") while the annex left that reply out. Now the digest, the annex
 * and the after-cut-off summary agree: only a verified reply answers; an unverified one is named.
 */
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { process as overdueSummary } from "../../jobs/overdue-summary.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { digestDocument } from "../../src/digest/document.ts";
import { missingInstitutions, unansweredTasks } from "../../src/digest/model.ts";
import { type AnnexTaskRow, buildAnnex } from "../../src/export/annex-model.ts";
import { homeData } from "../../src/home/model.ts";
import { renderHome } from "../../src/slack/render-home.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";
import { recordReminders } from "./support.ts";

// Task 5 is asked of IEM, IZM and LM; the cut-off is about it alone.
const PAST_AT = "2027-01-15T21:59:59.999Z";
const NEXT_AT = "2027-02-15T21:59:59.999Z";
const clock = fixedClock("2027-01-20T08:00:00Z");
let w: JobWorld;
let pastId: number;

beforeEach(async () => {
  w = await jobWorld({ clock, config: { secretaryUserIds: ["U0SEC"] } });
  w.emulator.addUser({ id: "U0SEC", name: "sekretare", locale: "lv-LV" });
  const programme = await currentProgramme(w.db);
  const ids: Record<string, number> = {};
  for (const code of ["IEM", "IZM", "LM"]) ids[code] = (await findInstitution(w.db, code))?.id ?? 0;
  const at = "2027-01-01T08:00:00.000Z";
  await setMapping(w.db, ids.IEM ?? 0, "C0IEM", ["U0IVARS"], at);
  await setMapping(w.db, ids.LM ?? 0, "C0LM", ["U0ANNA"], at);
  const base = { programmeId: programme?.id ?? 0, taskNumbers: ["5"], createdBy: "U0SEC" };
  const past = await insertCutoff(w.db, { ...base, at: PAST_AT, title: "Janvāris", createdAt: at });
  await insertCutoff(w.db, { ...base, at: NEXT_AT, title: "Februāris", createdAt: at });
  pastId = past.id;
  // IEM and LM were reminded for it; IZM, without a channel, never was.
  await recordReminders(w.db, past, [ids.IEM ?? 0, ids.LM ?? 0]);
  await recordReminders(w.db, past, [ids.IZM ?? 0], false);
  const task5 = await w.db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "5")
    .executeTakeFirstOrThrow();
  let n = 0;
  for (const [code, userId, verified] of [
    ["LM", "U0ANNA", true],
    ["IEM", "U0JANIS", false],
  ] as const) {
    n++;
    await insertReply(w.db, {
      cutoffId: past.id,
      institutionId: ids[code] ?? 0,
      taskId: task5.id,
      channelId: `C0${code}`,
      ts: `1700000000.00010${n}`,
      threadTs: null,
      userId,
      text: `5: ${code} atbilde`,
      files: [],
      statusClaim: "done",
      verified,
      source: "event",
      receivedAt: `2027-01-1${n}T09:00:00.000Z`,
    });
  }
});
afterEach(async () => {
  await w?.stop();
});

describe("an unverified reply is no answer, in the digest as in the annex and the summary", () => {
  it("the digest names IEM among those not answered, with its unverified reply noted", async () => {
    const model = await buildDigestModel(w.db, {
      now: DateTime.fromISO("2027-01-20T08:00:00Z"),
      zone: "Europe/Riga",
      cutoffId: pastId,
    });
    const iem = model.institutions.find((i) => i.code === "IEM");
    expect(iem).toMatchObject({ replied: [], unverified: ["5"], missing: [] });
    expect(iem && unansweredTasks(iem)).toEqual(["5"]);
    expect(missingInstitutions(model).map((i) => i.code)).toEqual(["IEM", "IZM"]);
    // The response rate over the passed cut-off counts only LM's verified reply.
    expect(iem?.rate).toEqual({ answered: 0, asked: 1, cutoffs: 1 });
    expect(model.institutions.find((i) => i.code === "LM")?.rate).toEqual({
      answered: 1,
      asked: 1,
      cutoffs: 1,
    });

    const lv = digestDocument(model, { locale: "lv", zone: "Europe/Riga", variant: "digest" });
    expect(lv.headline.join("\n")).toContain("visu prasīto iesniegušas *1* no *3* institūcijām");
    const part = lv.sections.flatMap((s) => s.paragraphs).join("\n");
    expect(part).toContain(
      "*Vēl nav atbildējušas uz #1:* IEM (5; nepārbaudīta atbilde: 5); IZM (5)",
    );
    expect(part).toContain("• *IEM* – atbildēts 0/1 · nepārbaudītas: 5 · atsaucība 0 %");
    expect(part).toContain("• *LM* – atbildēts 1/1 · atsaucība 100 %");
    // IZM was never reminded (no channel): not rated, not 0 %.
    expect(part).toContain(
      "• *IZM* – atbildēts 0/1 · trūkst: 5 · atsaucība nav vērtēta – nav Slack kanāla, atgādinājumi netika sūtīti",
    );
    const en = digestDocument(model, { locale: "en", zone: "Europe/Riga", variant: "digest" });
    expect(en.sections.flatMap((s) => s.paragraphs).join("\n")).toContain(
      "*Not answered for #1 yet:* IEM (5; unverified reply: 5); IZM (5)",
    );
  });

  it("the annex leaves the same reply out, and the summary DM lists the same institutions", async () => {
    const annex = await buildAnnex(w.db, { cutoffId: pastId });
    if ("problem" in annex) throw new Error(annex.problem);
    const row = annex.rows.find((r): r is AnnexTaskRow => r.kind === "task" && r.number === "5");
    if (row?.progress.kind !== "replies") throw new Error("no replies cell");
    const byCode = new Map(row.progress.institutions.map((i) => [i.code, i]));
    expect(byCode.get("IEM")).toMatchObject({ replies: [], leftOut: 1 });
    expect(byCode.get("LM")?.replies).toHaveLength(1);

    await overdueSummary({ cutoffId: pastId, at: PAST_AT }, w.deps);
    const dm = w.emulator.calls.find(
      (c) => c.method === "chat.postMessage" && String(c.args.text ?? "").includes("ir pagājis"),
    );
    expect(String(dm?.args.text)).toContain(
      "Nav atbildējušas (2): IEM (5; nepārbaudīta atbilde: 5); IZM (5).",
    );
  });

  it("the App Home lists IEM as not answered too, to the secretary and to IEM's contact", async () => {
    // Only the passed cut-off: the Home shows it while its replies still come in.
    await w.db
      .updateTable("cutoffs")
      .set({ removed_at: "2027-01-16T08:00:00.000Z" })
      .where("at", "=", NEXT_AT)
      .execute();
    const now = DateTime.fromISO("2027-01-20T08:00:00Z");
    const secretary = await homeData(w.db, "U0SEC", { now, secretary: true });
    expect(secretary.notAnswered?.map((i) => i.code)).toEqual(["IEM", "IZM"]);
    const text = (locale: "lv" | "en") =>
      JSON.stringify(renderHome(secretary, locale, "Europe/Riga").blocks);
    expect(text("lv")).toContain(
      "*Vēl nav atbildējušas uz #1:* IEM (5; nepārbaudīta atbilde: 5); IZM (5)",
    );
    expect(text("en")).toContain(
      "*Not answered for #1 yet:* IEM (5; unverified reply: 5); IZM (5)",
    );
    const contact = await homeData(w.db, "U0IVARS", { now, secretary: false });
    expect(contact.mine.map((i) => [i.code, i.missing])).toEqual([["IEM", ["5"]]]);
  });
});
