/**
 * `/task N` names another cut-off that has passed with no answer from the task's institutions (a
 * fresh user's finding: after #3 passed with no answers while #1 was ahead, `/task 5` said
 * nothing about #3, while the digest listed "Vēl nav atbildējušas uz #3: IEM (5); …"). One line
 * per such cut-off: "⌛ Ziņošanas termiņš #3 „Trešais” (pagājis 01.12.2026.): nav atbildējušas
 * …", merged into its "↩️" line when some did reply. Both orders: the passed one beside one
 * ahead, and the one ahead beside the passed one. Real app and store (SQLite or PostgreSQL), the
 * signed endpoint. Fixture: at 2 Dec 2026, cut-offs of tasks 5 and 14; LM has a channel.
 */
import { describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import type { TestApp } from "../helpers/app.ts";
import { taskCutoffText } from "../helpers/slash.ts";
import { startLmApp, storeLmReply, twoCutoffsSuite } from "./support/lm-cutoffs.ts";

const NOW = "2026-12-02T10:00:00Z";
const PASSED = "2026-12-01T21:59:59.999Z";
const AHEAD = "2027-02-01T21:59:59.999Z";

/** An app at NOW with cut-offs "Pirmais" at `firstAt` and "Trešais" at `thirdAt` (tasks 5, 14). */
function fixture(firstAt: string, thirdAt: string) {
  const start = () =>
    startLmApp({
      now: NOW,
      people: [
        { id: "U0LV", name: "anna", locale: "lv-LV" },
        { id: "U0EN", name: "john", locale: "en-US" },
      ],
      english: "U0EN",
      contact: "U0LMOK",
    });
  return twoCutoffsSuite(start, {
    firstAt,
    thirdAt,
    taskNumbers: ["5", "14"],
    createdBy: "U0SEC",
    now: NOW,
  });
}

/** LM's reply to `cutoff` under task 5 (`verified`: from its contact). */
async function reply(t: TestApp, cutoff: Cutoff, ts: string, verified: boolean) {
  const userId = verified ? "U0LMOK" : "U0STRANGER";
  const r = { cutoffId: cutoff.id, task: "5", ts, userId, verified, text: "5: paveikts" };
  await storeLmReply(t.app.db, r);
}

/** The cut-off sections of `/task number` for `userId`, one a line. */
async function section(t: TestApp, number: string, userId = "U0LV"): Promise<string> {
  return taskCutoffText(t, number, userId);
}

describe("#3 passed with no answers, #1 ahead", () => {
  const s = fixture(AHEAD, PASSED);

  it("names #3 and who has not answered it, lv and en", async () => {
    const lv = await section(s.t, "5");
    expect(lv).toContain(`*Ziņošanas termiņš #${s.first.id}: pirmd. 01.02.2027. 23:59* (Pirmais)`);
    expect(lv).toContain(`⏳ *LM* vēl nav atbildējusi uz #${s.first.id}`);
    expect(lv).toContain(
      `⌛ Ziņošanas termiņš #${s.third.id} „Trešais” (pagājis 01.12.2026.): nav atbildējušas LM, IZM, IEM`,
    );
    expect(lv).not.toContain("history");
    // The reminder lines stay.
    expect(lv).toContain("Atgādinājumi vairs nav plānoti.");
    const en = await section(s.t, "5", "U0EN");
    expect(en).toContain(
      `⌛ Reporting cut-off #${s.third.id} “Trešais” (passed 1 Dec 2026): no reply from LM, IZM, IEM`,
    );
  });

  it("an unverified reply answers nothing: LM stays among those named, on the one line", async () => {
    await reply(s.t, s.third, "1800000000.000001", false);
    const lv = await section(s.t, "5");
    expect(lv).toContain(
      `↩️ Uz ziņošanas termiņu #${s.third.id} „Trešais” (01.12.2026.) atbildēja: ❔ *LM* 30.11.2026. <https://slack.com/archives/C0LM/p1800000000000001|atvērt>; nav atbildējušas LM, IZM, IEM`,
    );
    expect(lv).not.toContain("⌛ Ziņošanas termiņš");
  });

  it("LM's verified reply: one line, its reply and those still missing", async () => {
    await reply(s.t, s.third, "1800000000.000002", true);
    const lv = await section(s.t, "5");
    expect(lv).toContain(
      `↩️ Uz ziņošanas termiņu #${s.third.id} „Trešais” (01.12.2026.) atbildēja: *LM* 30.11.2026. <https://slack.com/archives/C0LM/p1800000000000002|atvērt>; nav atbildējušas IZM, IEM`,
    );
    expect(lv.split("\n").filter((l) => l.includes(`#${s.third.id} `)).length).toBe(1);
    const en = await section(s.t, "5", "U0EN");
    expect(en).toContain(
      `↩️ For reporting cut-off #${s.third.id} “Trešais” (1 Dec 2026): replies from *LM* on 30 Nov 2026 <https://slack.com/archives/C0LM/p1800000000000002|open>; no reply from IZM, IEM`,
    );
    // Still no answer to #1: the reply to #3 is not read as one.
    expect(en).toContain(`⏳ *LM* has not replied to #${s.first.id} yet`);
  });
});

describe("#1 passed with no answers, #3 ahead", () => {
  const s = fixture(PASSED, AHEAD);

  it("names #1 and who has not answered it, lv and en", async () => {
    const lv = await section(s.t, "5");
    expect(lv).toContain(`*Ziņošanas termiņš #${s.third.id}: pirmd. 01.02.2027. 23:59* (Trešais)`);
    expect(lv).toContain(
      `⌛ Ziņošanas termiņš #${s.first.id} „Pirmais” (pagājis 01.12.2026.): nav atbildējušas LM, IZM, IEM`,
    );
    const en = await section(s.t, "5", "U0EN");
    expect(en).toContain(
      `⌛ Reporting cut-off #${s.first.id} “Pirmais” (passed 1 Dec 2026): no reply from LM, IZM, IEM`,
    );
  });
});
