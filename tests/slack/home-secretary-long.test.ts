/**
 * The secretary's App Home with long lists of who has not answered (a reviewer's finding: each
 * passed cut-off's list was one section cut at 3,000 characters with "…", so with 10
 * institutions each owing 300 tasks the later institutions vanished, uncounted). Every
 * institution is named in its cut-off's line, each one's numbers listed as far as the line fits
 * one section and the rest counted ("… un vēl 280"); the lines are packed whole into sections
 * and any left out of the Home counted. Pure: renderHome over a model literal.
 */
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { InstitutionStanding } from "../../src/digest/model.ts";
import type { HomeData } from "../../src/home/model.ts";
import { validateView } from "../../src/slack/block-limits.ts";
import { renderHome } from "../../src/slack/render-home.ts";

/** Task numbers "100.1" … "100.n". */
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `100.${i + 1}`);

/** Institutions I0 … I(n-1), each owing `owed` tasks, the first `unverified` replied unverified. */
function owing(n: number, owed: number, unverified = 0): InstitutionStanding[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `I${i}`,
    name: `Institūcija ${i}`,
    tasks: numbers(owed),
    replied: [],
    unverified: numbers(unverified),
  })) as unknown as InstitutionStanding[];
}

function home(passed: number): HomeData {
  return {
    programme: { code: "2009-2013", title: "Programma" },
    counts: { done: 30, partial: 2, ongoing: 0, not_done: 0, none: 0 },
    headings: 0,
    rollups: new Map(),
    nextSession: null,
    cutoff: { id: 9, title: "Devītais", at: "2027-02-01T21:59:59.999Z", passed: false },
    notAnswered: owing(10, 300, 5),
    otherNotAnswered: Array.from({ length: passed }, (_, i) => ({
      id: 8 - i,
      title: `Termiņš ${8 - i}`,
      at: "2027-01-20T21:59:59.999Z",
      institutions: owing(10, 300),
    })),
    mine: [],
    language: null,
  };
}

function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
}

/** Per institution code in `line`: numbers listed and those counted as left out. */
function entries(line: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of line.matchAll(/(I\d+) \(([^)]*)\)/gu)) {
    const list = (m[2] ?? "").split(";")[0] ?? "";
    const shown = (list.match(/100\.\d+/gu) ?? []).length;
    const more = Number(/(?:un vēl|and) (\d+)/u.exec(list)?.[1] ?? 0);
    out.set(m[1] ?? "", shown + more);
  }
  return out;
}

describe("the secretary's Home with long lists of who has not answered", () => {
  it("names every institution of every passed cut-off, numbers counted, sections ≤ 3,000", () => {
    const view = renderHome(home(2), "lv", "Europe/Riga");
    expect(validateView(view, "home")).toEqual([]);
    const texts = sectionTexts(view.blocks);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts.join("\n")).not.toMatch(/…$/mu);
    const lines = texts.flatMap((t) => t.split("\n"));
    for (const prefix of [
      "*Vēl nav atbildējušas uz #9:*",
      "*Vēl nav atbildējušas uz #8 (pagājis",
      "*Vēl nav atbildējušas uz #7 (pagājis",
    ]) {
      const line = lines.find((l) => l.startsWith(prefix)) ?? "";
      const counted = entries(line);
      expect([...counted.keys()]).toEqual(numbers(10).map((_, i) => `I${i}`));
      for (const n of counted.values()) expect(n).toBe(300);
      expect(line).toMatch(/… un vēl \d+/u);
    }
  });

  it("counts the passed cut-offs' lines that do not fit the Home (English)", () => {
    const view = renderHome(home(60), "en", "Europe/Riga");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(validateView(view, "home")).toEqual([]);
    const texts = sectionTexts(view.blocks);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    const shown = texts.flatMap((t) => t.split("\n")).filter((l) => l.startsWith("*Still not"));
    const more = view.blocks.flatMap((b) =>
      b.type === "context" ? b.elements.flatMap((e) => ("text" in e ? [e.text] : [])) : [],
    );
    const left = more.map((t) => /^… and (\d+) more\.$/u.exec(t)?.[1]).find((n) => n);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length + Number(left)).toBe(60);
    // The digest button stays.
    expect(JSON.stringify(view.blocks)).toContain("digest_request");
  });
});
