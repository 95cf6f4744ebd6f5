/**
 * The App Home's secretary part names who has not answered another cut-off that has passed (a
 * fresh user's finding: with #3 passed unanswered and #1 ahead, the Home listed only #1's, while
 * the digest said "Vēl nav atbildējušas uz #3: IEM (5); …"): "*Vēl nav atbildējušas uz #3
 * (pagājis 01.12.2026.):* IEM (5); …" / "*Still not answered for #3 (passed 1 Dec 2026):* …",
 * beside the current cut-off's list. Both orders: the passed one beside one ahead, and the one
 * ahead beside the passed one (then the current one is the one ahead, #1's list the extra one).
 * Through the signed endpoint (`app_home_opened`, `views.publish` in the emulator), lv and en.
 * SQLite or PostgreSQL (TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import type { TestApp } from "../helpers/app.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { storeLmReply, twoCutoffsSuite } from "./support/lm-cutoffs.ts";

const NOW = "2026-12-02T10:00:00Z";
const PASSED = "2026-12-01T21:59:59.999Z";
const AHEAD = "2027-02-01T21:59:59.999Z";
const { secretary: SECRETARY, john: JOHN, anna: ANNA } = HOME_PEOPLE;

/** An app at NOW with cut-offs "Pirmais" at `firstAt` and "Trešais" at `thirdAt` (task 5). */
function fixture(firstAt: string, thirdAt: string) {
  return twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt,
    thirdAt,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });
}

/** LM's reply to `cutoff` under task 5 (`verified`: from its contact). */
async function reply(t: TestApp, cutoff: Cutoff, ts: string, verified: boolean) {
  const userId = verified ? ANNA : "U0STRANGER";
  const r = { cutoffId: cutoff.id, task: "5", ts, userId, verified, text: "5: paveikts" };
  await storeLmReply(t.app.db, r);
}

describe("#3 passed with no answers, #1 ahead", () => {
  const s = fixture(AHEAD, PASSED);

  it("the secretary sees who has not answered #3 beside #1's list, lv and en", async () => {
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${s.first.id}:\\* .*LM \\(5\\)`, "u"),
    );
    expect(lv).toMatch(
      new RegExp(
        `\\*Vēl nav atbildējušas uz #${s.third.id} \\(pagājis 01\\.12\\.2026\\.\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
    const en = await openHome(s.t, JOHN);
    expect(en).toMatch(
      new RegExp(
        `\\*Still not answered for #${s.third.id} \\(passed 1 Dec 2026\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
    // A contact is not shown the secretary's lists.
    expect(await openHome(s.t, ANNA)).not.toContain("pagājis 01.12.2026.):*");
  });

  it("an unverified reply answers nothing; LM's verified one takes it off #3's list", async () => {
    await reply(s.t, s.third, "1800000000.000001", false);
    expect(await openHome(s.t, SECRETARY)).toMatch(
      /\(pagājis 01\.12\.2026\.\):\* .*LM \(5; nepārbaudīta atbilde: 5\)/u,
    );
    await reply(s.t, s.third, "1800000000.000002", true);
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).not.toMatch(/\(pagājis 01\.12\.2026\.\):\* .*LM \(5/u);
    // #1's list still names LM: the reply to #3 is no answer to #1.
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${s.first.id}:\\* .*LM \\(5\\)`, "u"),
    );
  });
});

describe("#1 passed with no answers, #3 ahead", () => {
  const s = fixture(PASSED, AHEAD);

  it("the secretary sees who has not answered #1 beside #3's list, lv and en", async () => {
    const lv = await openHome(s.t, SECRETARY);
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${s.third.id}:\\* .*LM \\(5\\)`, "u"),
    );
    expect(lv).toMatch(
      new RegExp(
        `\\*Vēl nav atbildējušas uz #${s.first.id} \\(pagājis 01\\.12\\.2026\\.\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
    const en = await openHome(s.t, JOHN);
    expect(en).toMatch(
      new RegExp(
        `\\*Still not answered for #${s.first.id} \\(passed 1 Dec 2026\\):\\* .*LM \\(5\\)`,
        "u",
      ),
    );
  });
});
