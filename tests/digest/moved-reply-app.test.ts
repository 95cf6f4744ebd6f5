/**
 * A reply an edit moves to another task ("14: …" edited into "5: …") is listed in the next
 * digest's "Labotās atbildes" / "Edited replies" as "*5* (pārcelta no *14*)" / "*5* (moved from
 * *14*)" (a fresh user's finding: it read "*5* …", and the group, which had read it under 14,
 * was not told it left 14). The move is the one `/task N history` shows (the audited change of
 * the reply's task). Through the real app: replies in a reminder thread, `/digest` to the working
 * group, a signed message_changed event, the next `/digest`; English and an older digest (no
 * `movedFrom`) rendered from the stored model. Waits on log lines, never on time.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { listDigests } from "../../db/digests.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { PEOPLE } from "../replies/support.ts";
import { digestAppSuite } from "./app-support.ts";

const LM = "C0LMMOV01";
const w = digestAppSuite({
  wg: "C0WG00003",
  lm: LM,
  tasks: ["5", "14"],
  replies: [
    ["moved", "14: Grozījumi iesniegti Saeimā."],
    ["stays", "5: Darbs turpinās."],
  ],
});
const { clock, ts, digest } = w;
const { START, FIRST_AT, EDITED_AT, LATER_AT } = w.times;

/** Edits `ts` to `text` in Slack (a signed message_changed event) and waits until handled. */
async function edit(messageTs: string, text: string, editTs: string): Promise<void> {
  await w.t.slack.event({
    type: "message",
    subtype: "message_changed",
    channel: LM,
    hidden: true,
    ts: editTs,
    event_ts: editTs,
    message: {
      type: "message",
      user: PEOPLE.anna,
      text,
      ts: messageTs,
      thread_ts: w.f.threadTs,
      edited: { user: PEOPLE.anna, ts: editTs },
    },
    previous_message: { type: "message", user: PEOPLE.anna, text: "…", ts: messageTs },
  });
  await w.logs.waitFor((l) => l.msg === "reply changed" && l.ts === messageTs);
}

describe("a reply an edit moved to another task, in the next digest", () => {
  it("is listed under its new task with the task it came from, lv and en", async () => {
    clock.set(FIRST_AT);
    const daysBefore = DateTime.fromISO(START).minus({ days: 2 }).toISODate() ?? "";
    const first = await digest(`since ${daysBefore}`);
    expect(first).toContain("• *14* · *LM*");
    expect(first).not.toContain("pārcelta");

    clock.set(EDITED_AT);
    await edit(ts.moved, "5: Grozījumi iesniegti Saeimā.", "1900000000.000021");
    await edit(ts.stays, "5: Darbs turpinās, gaidām atzinumu.", "1900000000.000022");
    clock.set(LATER_AT);
    const later = await digest();
    expect(later).toContain("*Labotās atbildes (2)*");
    expect(later).toMatch(/• \*5\* \(pārcelta no \*14\*\) · \*LM\* [^\n]*Grozījumi iesniegti/u);
    // Edited without a move: no mark.
    expect(later).toMatch(/• \*5\* · \*LM\* [^\n]*gaidām atzinumu/u);
    expect(later.match(/pārcelta no/gu)).toHaveLength(1);

    const [stored] = await listDigests(w.t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
    const moved = model.editedReplies?.find((r) => r.excerpt.includes("Saeimā"));
    expect(moved).toMatchObject({ number: "5", movedFrom: "14" });
    expect(model.editedReplies?.find((r) => r.excerpt.includes("atzinumu"))?.movedFrom).toBe(
      undefined,
    );
    const options = { zone: "Europe/Riga", variant: "digest" as const };
    const en = digestMarkdown(digestDocument(model, { ...options, locale: "en" }));
    expect(en).toMatch(/- \*\*5\*\* \(moved from \*\*14\*\*\) · \*\*LM\*\* [^\n]*Saeimā/u);
    // A digest stored before `movedFrom` was kept renders as it did.
    const older = {
      ...model,
      editedReplies: model.editedReplies?.map(({ movedFrom: _m, ...r }) => r),
    };
    expect(digestMarkdown(digestDocument(older, { ...options, locale: "lv" }))).not.toContain(
      "pārcelta",
    );
  });
});
