/**
 * The App Home names the cut-off it is about, as `/task N` and the digest do since e25f548,
 * 7cda3a3 and 2f67fc4 (a fresh user's finding there: "LM has not replied" beside LM's reply to
 * another cut-off): "⏰ Ziņošanas termiņš #1 pagājis: …" for one whose time is up, the digest's
 * "*Vēl nav atbildējušas uz #2:* …" for the secretary, "*Vēl gaidām jūsu atbildi uz #2 par:* …"
 * for a contact, and, with a second live cut-off, the other one's replies named with it (the
 * digest's "↩️ Atbildes saņemtas arī uz ziņošanas termiņu #1 …" line). Through the signed
 * endpoint (`app_home_opened`, `views.publish` in the emulator), in Latvian and English.
 * Fixture: at 2 Dec 2026 cut-off #1 (1 Dec 2026, task 14) has passed; LM (anna its contact)
 * answers it; then #2 (1 Feb 2027, tasks 14 and 18) is added. SQLite or PostgreSQL
 * (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import type { TestApp } from "../helpers/app.ts";
import { HOME_PEOPLE, openHome as openHomeOf, startHomeApp } from "./support/home.ts";
import { LM_CHANNEL, storeCutoff, storeLmReply } from "./support/lm-cutoffs.ts";
import { storeReply } from "./support/replies.ts";

const NOW = "2026-12-02T10:00:00Z";
const { secretary: SECRETARY, john: JOHN, anna: ANNA } = HOME_PEOPLE;
let t: TestApp;
let db: Db;
let first: Cutoff;

beforeAll(async () => {
  t = await startHomeApp(NOW);
  db = t.app.db;
  first = await add("2026-12-01T21:59:59.999Z", "Pirmais", ["14"]);
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

function add(at: string, title: string, taskNumbers: string[]): Promise<Cutoff> {
  return storeCutoff(db, { at, title, taskNumbers, createdBy: SECRETARY, createdAt: NOW });
}

/** Opens `userId`'s Home tab through the signed endpoint; the published view as text. */
const openHome = (userId: string): Promise<string> => openHomeOf(t, userId);

describe("the App Home names the cut-off it is about", () => {
  it("a passed cut-off is said to have passed; 'not answered' names it", async () => {
    const lv = await openHome(SECRETARY);
    expect(lv).toContain(
      `⏰ Ziņošanas termiņš #${first.id} pagājis: *Pirmais* – otrd. 01.12.2026. 23:59`,
    );
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${first.id}:\\* .*LM \\(14\\)`, "u"),
    );
    expect(lv).not.toContain("↩️");
    const en = await openHome(JOHN);
    expect(en).toContain(
      `⏰ Reporting cut-off #${first.id} passed: *Pirmais* – Tue 1 Dec 2026 23:59`,
    );
    expect(en).toMatch(new RegExp(`\\*Not answered for #${first.id} yet:\\* .*LM \\(14\\)`, "u"));
    const anna = await openHome(ANNA);
    // Passed: a reply is late now, but still welcome; no thread started here, so the Home's
    // button is the way to answer (no dead end).
    expect(anna).toContain(
      `⌛ *Vēl gaidām jūsu atbildi uz #${first.id} (pagājis 01.12.2026.) par:* 14 – termiņš ir nokavēts, taču atbilde joprojām noderēs.`,
    );
    expect(anna).toContain(`[ Iesniegt atjauninājumu: 14 (#${first.id}) ]`);
  });

  it("LM answers #1: the contact is told everything for #1 is in", async () => {
    const ts = "1800000000.000001";
    const r = { cutoffId: first.id, task: "14", ts, userId: ANNA, verified: true };
    await storeLmReply(db, { ...r, text: "14: paveikts" });
    const anna = await openHome(ANNA);
    expect(anna).toContain(`✅ Par ziņošanas termiņu #${first.id} viss ir iesniegts. Paldies!`);
    expect(await openHome(SECRETARY)).not.toMatch(/LM \(14\)/u);
  });

  it("with #2 live too: #2 named, the reply to #1 named with #1, never as #2's", async () => {
    const second = await add("2027-02-01T21:59:59.999Z", "Otrais", ["14", "18"]);
    const lv = await openHome(SECRETARY);
    expect(lv).toContain(`⏰ Ziņošanas termiņš #${second.id}: *Otrais* – pirmd. 01.02.2027. 23:59`);
    expect(lv).not.toContain("pagājis");
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${second.id}:\\* .*LM \\(14, 18\\)`, "u"),
    );
    const also = `↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.): LM (14). Uzdevuma atbildes ar to ziņošanas termiņiem – \`/task 14 history\`.`;
    expect(lv).toContain(also);
    const en = await openHome(JOHN);
    expect(en).toContain(`⏰ Reporting cut-off #${second.id}: *Otrais* – Mon 1 Feb 2027 23:59`);
    expect(en).toMatch(
      new RegExp(`\\*Not answered for #${second.id} yet:\\* .*LM \\(14, 18\\)`, "u"),
    );
    expect(en).toContain(
      `↩️ Replies were also received for reporting cut-off #${first.id} “Pirmais” (1 Dec 2026): LM (14). A task's replies with their cut-offs: \`/task 14 history\`.`,
    );
    const anna = await openHome(ANNA);
    expect(anna).toContain(`*Vēl gaidām jūsu atbildi uz #${second.id} par:* 14, 18`);
    expect(anna).toContain(also);
  });

  it("a reply to #1 received after #1's time is marked late, as /task marks it (lv, en)", async () => {
    // After #1's time (1 Dec 23:59): LM's contact on 18 (late), a stranger on 14 (the
    // contact's in-time reply to 14 is still the one shown, so 14 stays unmarked).
    const late = "2026-12-02T09:00:00.000Z";
    const base = { code: "LM", cutoffId: first.id, channelId: LM_CHANNEL, receivedAt: late };
    await storeReply(db, {
      ...base,
      task: "18",
      ts: "1800000000.000002",
      userId: ANNA,
      text: "18: vēlu",
      verified: true,
    });
    await storeReply(db, {
      ...base,
      task: "14",
      ts: "1800000000.000003",
      userId: JOHN,
      text: "14: svešs",
      verified: false,
    });
    const lv = await openHome(SECRETARY);
    const line = `↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.): LM (14); LM (18) _(pēc ziņošanas termiņa)_.`;
    expect(lv).toContain(line);
    expect(lv.split("pēc ziņošanas termiņa")).toHaveLength(2);
    expect(await openHome(JOHN)).toContain(
      `↩️ Replies were also received for reporting cut-off #${first.id} “Pirmais” (1 Dec 2026): LM (14); LM (18) _(after the reporting cut-off)_.`,
    );
    // The contact's own line is marked the same way.
    expect(await openHome(ANNA)).toContain(line);
  });

  it("a task answered in time, then supplemented after the cut-off, is not late: '(papildināts …)' (lv, en)", async () => {
    // LM's contact adds to 14 after #1's time: its in-time answer stands, as the digest counts.
    await storeReply(db, {
      code: "LM",
      cutoffId: first.id,
      channelId: LM_CHANNEL,
      receivedAt: "2026-12-02T09:30:00.000Z",
      task: "14",
      ts: "1800000000.000004",
      userId: ANNA,
      text: "14: papildinājums",
      verified: true,
    });
    const line = `↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.): LM (14) _(papildināts pēc ziņošanas termiņa)_; LM (18) _(pēc ziņošanas termiņa)_.`;
    expect(await openHome(SECRETARY)).toContain(line);
    expect(await openHome(JOHN)).toContain(
      `(1 Dec 2026): LM (14) _(supplemented after the reporting cut-off)_; LM (18) _(after the reporting cut-off)_.`,
    );
    expect(await openHome(ANNA)).toContain(line);
  });
});
