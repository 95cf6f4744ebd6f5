/**
 * A contact's App Home with long lists of missing tasks (a reviewer's finding: the current
 * cut-off's line, the ⌛ lines of passed cut-offs and the other cut-offs' lines shared one
 * section cut at 3,000 characters, so a long list silently cut the ⌛ lines, and with them
 * where a late reply goes). Each line stays whole: its numbers are listed as far as they fit,
 * the rest counted ("… un vēl 1093"); lines that do not fit one section together get sections of
 * their own; the view keeps Slack's Home limits (100 blocks, 3,000 characters a section).
 * Pure: renderHome over a model literal.
 */
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { statusRollups } from "../../src/domain/status-rollup.ts";
import type { HomeData, HomeInstitution } from "../../src/home/model.ts";
import { validateView } from "../../src/slack/block-limits.ts";
import { renderHome } from "../../src/slack/render-home.ts";
import { report } from "../helpers/store.ts";

/** Task numbers "100.1" … "100.n": n of them, as a big programme's sub-tasks. */
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `100.${i + 1}`);
const LINK = "https://slack.com/archives/C0LM/p1799990000000100";
const tasks = report().tasks.map((t) => ({ ...t, parent: t.parent }));

/** An institution owing 1,200 tasks for #3 (ahead), 1,200 for #2 (thread known) and 3 for #1. */
function owing(code: string): HomeInstitution {
  return {
    code,
    name: `Institūcija ${code}`,
    tasks,
    missing: numbers(1200),
    missingPassed: [
      {
        id: 2,
        at: "2027-01-20T21:59:59.999Z",
        tasks: numbers(1200),
        thread: { channelId: "C0LM", ts: "1799990000.000100" },
      },
      { id: 1, at: "2027-01-10T21:59:59.999Z", tasks: ["1", "2", "3"] },
    ],
  };
}

function home(mine: HomeInstitution[]): HomeData {
  return {
    programme: { code: "2009-2013", title: "Programma" },
    counts: { done: 30, partial: 2, ongoing: 0, not_done: 0, none: 0 },
    headings: 3,
    rollups: statusRollups(tasks),
    nextSession: null,
    cutoff: { id: 3, title: "Trešais", at: "2027-02-01T21:59:59.999Z", passed: false },
    notAnswered: null,
    mine,
    language: null,
  };
}

/** The mrkdwn texts of the view's sections, in order. */
function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
}

/** The numbers a line lists after "par:* " (up to `before`, else its end), and those it says it left out. */
function listed(line: string, before?: string): { shown: number; more: number } {
  const from = line.indexOf("par:* ") + "par:* ".length;
  const list = line.slice(from, before === undefined ? undefined : line.indexOf(before));
  const more = /… un vēl (\d+)/u.exec(list);
  return { shown: (list.match(/100\.\d+/gu) ?? []).length, more: Number(more?.[1] ?? 0) };
}

describe("a contact's Home with long lists of missing tasks", () => {
  it("keeps every line whole: the ⌛ lines and where to reply are never cut away", () => {
    const view = renderHome(home([owing("LM")]), "lv", "Europe/Riga");
    expect(validateView(view, "home")).toEqual([]);
    const texts = sectionTexts(view.blocks);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    const lines = texts.flatMap((t) => t.split("\n"));
    const current = lines.find((l) => l.startsWith("*Vēl gaidām jūsu atbildi uz #3 par:*")) ?? "";
    const c = listed(current);
    expect(c.shown + c.more).toBe(1200);
    expect(c.more).toBeGreaterThan(0);
    const second = lines.find((l) => l.startsWith("⌛ *Vēl gaidām jūsu atbildi uz #2 ")) ?? "";
    expect(second).toMatch(
      new RegExp(
        `– termiņš ir nokavēts, taču atbilde joprojām noderēs: atbildiet #2 atgādinājuma pavedienā \\(<${LINK}\\|atvērt>\\)\\.$`,
        "u",
      ),
    );
    const s = listed(second, " – termiņš");
    expect(s.shown + s.more).toBe(1200);
    expect(lines).toContain(
      "⌛ *Vēl gaidām jūsu atbildi uz #1 (pagājis 10.01.2027.) par:* 1, 2, 3 – termiņš ir nokavēts, taču atbilde joprojām noderēs: atbildiet #1 atgādinājuma pavedienā.",
    );
    // Each long line in its own section, in order: #3's, #2's, then #1's.
    const at = (prefix: string) => texts.findIndex((t) => t.includes(prefix));
    expect(at("uz #3 par:")).toBeLessThan(at("uz #2 (pagājis"));
    expect(at("uz #2 (pagājis")).toBeLessThanOrEqual(at("uz #1 (pagājis"));
  });

  it("in English too, and within 100 blocks for a contact of many such institutions", () => {
    const mine = Array.from({ length: 40 }, (_, i) => owing(`I${i}`));
    const view = renderHome(home(mine), "en", "Europe/Riga");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(validateView(view, "home")).toEqual([]);
    const texts = sectionTexts(view.blocks);
    // Every institution shown has all its lines whole; those that do not fit are left out whole.
    const shown = texts.filter((t) => t.startsWith("*Your tasks")).length;
    expect(shown).toBeGreaterThan(1);
    const lines = texts.flatMap((t) => t.split("\n"));
    expect(
      lines.filter((l) => l.endsWith(`reply in #2's reminder thread (<${LINK}|open>).`)),
    ).toHaveLength(shown);
    expect(lines.filter((l) => l.endsWith("reply in #1's reminder thread."))).toHaveLength(shown);
    expect(
      lines.filter((l) => /^\*We still need your reply for #3 on:\* .* … and \d+ more$/u.test(l)),
    ).toHaveLength(shown);
  });
});
