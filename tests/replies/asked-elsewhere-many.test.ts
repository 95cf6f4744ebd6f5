/**
 * The "asked elsewhere" pointer for many numbers (a reviewer's finding): a contact pasting
 * answers to ~30 tasks into #1's thread while #2 asks them got one sentence per number, and the
 * assign prompt's section (3,000 characters) was cut before its question. Now one sentence per
 * cut-off lists its numbers (the first 10, then how many more), and the question is never cut.
 * Pure: src/replies/asked-elsewhere.ts askedElsewhereText, src/slack/render-reply-prompt.ts.
 */
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { type AskedElsewhere, askedElsewhereText } from "../../src/replies/asked-elsewhere.ts";
import { renderAssignPrompt, renderNotice } from "../../src/slack/render-reply-prompt.ts";

const LINK = "https://slack.com/archives/C0LMKANALS/p1764590000123456";
const OTHER = "https://slack.com/archives/C0LMKANALS/p1764590000654321";
const numbers = Array.from({ length: 30 }, (_, i) => `${20 + i}.${i + 1}`);
const asked: AskedElsewhere[] = numbers.map((number) => ({ number, cutoffId: 2, link: LINK }));
const tasks = ["5", "6"].map((number) => ({ number, title: `Uzdevums ${number}` }));

/** The texts of the sections of `blocks`. */
function sections(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
}

describe("the 'asked elsewhere' pointer for ~30 numbers", () => {
  it("is one sentence for the cut-off, its numbers capped with how many more (lv)", () => {
    const text = askedElsewhereText(asked, "lv");
    const first = numbers.slice(0, 10).map((n) => `*${n}*`);
    expect(text).toBe(
      `Uzdevumi ${first.join(", ")} … (vēl 20) tiek prasīti termiņa #2 atgādinājumā — lūdzu, atbildiet tur: <${LINK}|atvērt>.`,
    );
    expect(text.match(/atvērt/gu)?.length).toBe(1);
  });

  it("one sentence per cut-off, singular for one number (en)", () => {
    const two: AskedElsewhere[] = [
      { number: "13.4", cutoffId: 2, link: LINK },
      { number: "14", cutoffId: 3, link: OTHER },
      { number: "15", cutoffId: 2, link: LINK },
    ];
    expect(askedElsewhereText(two, "en")).toBe(
      `Tasks *13.4* and *15* are asked in cut-off #2's reminder — please answer there: <${LINK}|open>. Task *14* is asked in cut-off #3's reminder — please answer there: <${OTHER}|open>.`,
    );
    expect(askedElsewhereText(two.slice(1, 2), "lv")).toBe(
      `Uzdevums *14* tiek prasīts termiņa #3 atgādinājumā — lūdzu, atbildiet tur: <${OTHER}|atvērt>.`,
    );
  });

  it("the assign prompt keeps its question and the count, every section within 3,000", () => {
    for (const locale of ["lv", "en"] as const) {
      const elsewhere = askedElsewhereText(asked, locale);
      const prompt = renderAssignPrompt(
        { id: 7, text: numbers.map((n) => `${n}: darīts`).join("\n") },
        tasks,
        locale,
        numbers,
        [],
        "",
        [],
        { elsewhere },
      );
      const question = locale === "lv" ? "Pie kura uzdevuma pievienot šo atbildi?" : "Which task";
      const more = locale === "lv" ? "(vēl 20) tiek prasīti" : "(20 more) are asked";
      const [first] = sections(prompt.blocks);
      expect(first).toContain(question);
      expect(first).toContain(more);
      expect(prompt.text).toContain(question);
      for (const s of sections(prompt.blocks)) expect(s.length).toBeLessThanOrEqual(3000);
      expect(prompt.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it("the filed note's pointer section stays whole", () => {
    const notice = renderNotice(askedElsewhereText(asked, "lv"));
    const [only] = sections(notice.blocks);
    expect(only).toContain("(vēl 20) tiek prasīti termiņa #2");
    expect(only).toContain(`<${LINK}|atvērt>.`);
  });

  it("a lead longer than the section is cut, never the question after it", () => {
    const headings = Array.from({ length: 30 }, (_, i) => ({
      heading: `${40 + i}`,
      subTasks: [`${40 + i}.1`, `${40 + i}.2`, `${40 + i}.3`],
    }));
    const prompt = renderAssignPrompt({ id: 7, text: "40: …" }, tasks, "lv", [], [], "", [], {
      headings,
    });
    const [first] = sections(prompt.blocks);
    expect(first?.length).toBeLessThanOrEqual(3000);
    expect(first?.endsWith("… Pie kura uzdevuma pievienot šo atbildi?")).toBe(true);
    expect(prompt.text.endsWith("Pie kura uzdevuma pievienot šo atbildi?")).toBe(true);
    expect(prompt.text.length).toBeLessThanOrEqual(3000);
  });
});
