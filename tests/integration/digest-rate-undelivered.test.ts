/**
 * The digest names why each passed cut-off was left out of an institution's response rate (a
 * reviewer's finding: one "nav Slack kanāla" flag per institution read "2 ziņošanas termiņi nav
 * vērtēti – nav Slack kanāla, …" even when Slack had refused one reminder, channel_not_found, and
 * such failures quietly became "not rated"). Now, per reason: no channel (failed "no_mapping"),
 * the reminder could not be delivered (failed for another reason), none sent. Real app and store
 * (SQLite or PostgreSQL), `/digest` through the signed endpoint, the thread and the DOCX as
 * posted; Markdown and English rendered from the digest as stored; a digest stored before the
 * reasons were kept renders as it did. Fixture (digest-upcoming-fixture.ts; IZM and TM have no
 * channel today) plus passed cut-offs "Oktobris", "Novembris", "Decembris" on its tasks, with
 * reminders as in `REMINDERS`; nobody answered them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { addCutoff, sectionTexts, startUpcomingFixture } from "./digest-upcoming-fixture.ts";
import { docxXml, requestDigest, storedDigest, storeReminder } from "./support/digest.ts";

const CUTOFFS = [
  ["Oktobris", "2026-11-10T21:59:59.999Z"],
  ["Novembris", "2026-12-10T21:59:59.999Z"],
  ["Decembris", "2027-01-10T21:59:59.999Z"],
] as const;
/** Per institution, per cut-off (as `CUTOFFS`): its reminders, "sent" or a failure's detail. */
const REMINDERS: Record<string, string[][]> = {
  LM: [["sent"], ["sent"], ["not_in_channel"]],
  IEM: [["sent"], ["channel_not_found", "channel_not_found"], ["channel_not_found"]],
  TM: [["sent"], ["no_mapping"], ["channel_not_found"]],
  IZM: [["no_mapping"], ["no_mapping"], ["channel_not_found"]],
};
const LV = {
  LM: "; 1 ziņošanas termiņš nav vērtēts – atgādinājums netika piegādāts",
  IEM: "; 2 ziņošanas termiņi nav vērtēti – atgādinājumi netika piegādāti",
  TM: "; 1 ziņošanas termiņš nav vērtēts – nav Slack kanāla, atgādinājumi netika sūtīti; 1 ziņošanas termiņš nav vērtēts – atgādinājums netika piegādāts",
  IZM: " · atsaucība nav vērtēta: 2 ziņošanas termiņi – nav Slack kanāla, atgādinājumi netika sūtīti; 1 ziņošanas termiņš – atgādinājums netika piegādāts",
};
const EN = {
  LM: "; 1 reporting cut-off not rated – the reminder could not be delivered",
  IEM: "; 2 reporting cut-offs not rated – the reminders could not be delivered",
  TM: "; 1 reporting cut-off not rated – no Slack channel, no reminders were sent; 1 reporting cut-off not rated – the reminder could not be delivered",
  IZM: " · response rate not rated: 2 reporting cut-offs – no Slack channel, no reminders were sent; 1 reporting cut-off – the reminder could not be delivered",
};
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startUpcomingFixture());
  const db = t.app.db;
  let n = 0;
  for (const [i, [title, at]] of CUTOFFS.entries()) {
    const cutoff = await addCutoff(t, at, title, ["5", "8", "13.4"]);
    for (const [code, plan] of Object.entries(REMINDERS)) {
      for (const [k, outcome] of (plan[i] ?? []).entries()) {
        n++;
        const sent = {
          messageTs: `1799000000.${String(n).padStart(6, "0")}`,
          at: at.replace("T21:59:59.999Z", "T07:00:01.000Z"),
        };
        await storeReminder(db, {
          cutoffId: cutoff.id,
          code,
          kind: `test-${k}`,
          scheduledAt: at.replace("T21:59:59.999Z", "T07:00:00.000Z"),
          cutoffAt: at,
          outcome: outcome === "sent" ? { sent } : { failed: outcome },
        });
      }
    }
  }
});
afterAll(async () => {
  await t?.stop();
});

/** The line of `code` in `lines` (Slack "• *IZM*" or Markdown "- **IZM**"). */
const lineOf = (lines: string[], code: string) =>
  lines.find((l) => l.startsWith(`• *${code}*`) || l.startsWith(`- **${code}**`)) ?? "";

describe("the digest's response rate names why a cut-off was left out", () => {
  it("no channel, not delivered, per reason with counts, in the thread, DOCX, Markdown, lv and en", async () => {
    const { docxCall, messages } = await requestDigest(t, logs);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const lines = messages
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n")
      .split("\n");
    for (const [code, tail] of Object.entries(LV))
      expect(lineOf(lines, code).endsWith(tail)).toBe(true);
    expect(lineOf(lines, "LM")).toContain(
      "atsaucība 0 % (0 no 4 prasītajām atbildēm; pagājušie ziņošanas termiņi: 2)",
    );
    expect(lineOf(lines, "TM")).toContain(
      "atsaucība 0 % (0 no 1 prasītās atbildes; pagājušie ziņošanas termiņi: 1)",
    );
    expect(lineOf(lines, "IZM")).not.toMatch(/%/u);

    const xml = docxXml(t, docxCall);
    expect(xml).toContain("atsaucība nav vērtēta: 2 ziņošanas termiņi – nav Slack kanāla");
    expect(xml).toContain("1 ziņošanas termiņš nav vērtēts – atgādinājums netika piegādāts");

    const model = await storedDigest(t);
    const rate = (code: string) => model.institutions.find((i) => i.code === code)?.rate;
    expect(rate("IZM")).toEqual({
      answered: 0,
      asked: 0,
      cutoffs: 0,
      unreminded: 3,
      noChannel: true,
      unremindedBy: { noChannel: 2, undelivered: 1, notSent: 0 },
      undeliveredReminders: 1,
    });
    expect(rate("IEM")).toEqual({
      answered: 0,
      asked: 3,
      cutoffs: 1,
      unreminded: 2,
      unremindedBy: { noChannel: 0, undelivered: 2, notSent: 0 },
      undeliveredReminders: 3,
    });
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const md = (m: DigestModel, locale: "lv" | "en") =>
      digestMarkdown(digestDocument(m, { ...options, locale })).split("\n");
    const lvMd = md(model, "lv");
    for (const [code, tail] of Object.entries(LV))
      expect(lineOf(lvMd, code).endsWith(tail)).toBe(true);
    const enMd = md(model, "en");
    for (const [code, tail] of Object.entries(EN))
      expect(lineOf(enMd, code).endsWith(tail)).toBe(true);
    const en = digestDocument(model, { ...options, locale: "en" });
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);
  });

  it("a digest stored before the reasons were kept reads as it did", async () => {
    const model = await storedDigest(t);
    const old: DigestModel = {
      ...model,
      institutions: model.institutions.map((i) => {
        if (!i.rate) return i;
        const { unremindedBy: _b, undeliveredReminders: _u, ...rate } = i.rate;
        return { ...i, rate };
      }),
    };
    const lines = digestMarkdown(
      digestDocument(old, { zone: t.config.timezone, variant: "digest", locale: "lv" }),
    ).split("\n");
    expect(
      lineOf(lines, "IZM").endsWith(
        " · atsaucība nav vērtēta – nav Slack kanāla, atgādinājumi netika sūtīti",
      ),
    ).toBe(true);
    expect(
      lineOf(lines, "IEM").endsWith(
        "; 2 ziņošanas termiņi nav vērtēti – atgādinājumi netika sūtīti",
      ),
    ).toBe(true);
  });
});
