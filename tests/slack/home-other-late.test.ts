/**
 * The App Home's "↩️" lines mark a reply to another live cut-off received after that cut-off's
 * time, as `/task`'s "↩️" lines do since 7c3d44c (" _(pēc ziņošanas termiņa)_"), its tasks an
 * entry of their own; and a line that would not fit a section is never cut: the institutions
 * that do not fit are counted. Pure: renderHome over a model literal.
 */
import { describe, expect, it } from "vitest";
import type { HomeOtherCutoff } from "../../src/digest/other-late.ts";
import type { HomeData } from "../../src/home/model.ts";
import { SECTION_TEXT_MAX, validateBlocks } from "../../src/slack/block-limits.ts";
import { renderHome } from "../../src/slack/render-home.ts";

const RIGA = "Europe/Riga";

const home = (otherCutoffs: HomeOtherCutoff[]): HomeData =>
  ({
    programme: { code: "2009-2013", title: "Programma" },
    counts: { done: 30, partial: 2, ongoing: 0, not_done: 0, none: 0 },
    headings: 0,
    rollups: new Map(),
    nextSession: null,
    cutoff: { id: 3, title: "Trešais", at: "2027-02-01T21:59:59.999Z", passed: false },
    notAnswered: [],
    otherCutoffs,
    mine: [],
    language: null,
  }) as unknown as HomeData;

/** The section texts of the rendered Home. */
const sections = (data: HomeData, locale: "lv" | "en") =>
  renderHome(data, locale, RIGA).blocks.flatMap((b) =>
    b.type === "section" && b.text ? [b.text.text] : [],
  );

const first = { id: 1, title: "Pirmais", at: "2026-11-20T21:59:59.999Z" };

describe("the Home's ↩️ lines: a reply after that cut-off's time", () => {
  it("late tasks are an entry of their own, marked (lv, en); in-time ones unmarked", () => {
    const data = home([
      {
        ...first,
        institutions: [
          { code: "IEM", tasks: ["5"] },
          { code: "LM", tasks: ["5", "14", "18"], late: ["14", "18"] },
          { code: "VM", tasks: ["2"], late: ["2"] },
        ],
      },
    ]);
    expect(sections(data, "lv").join("\n")).toContain(
      "(20.11.2026.): IEM (5); LM (5); LM (14, 18) _(pēc ziņošanas termiņa)_; VM (2) _(pēc ziņošanas termiņa)_.",
    );
    expect(sections(data, "en").join("\n")).toContain(
      "(20 Nov 2026): IEM (5); LM (5); LM (14, 18) _(after the reporting cut-off)_; VM (2) _(after the reporting cut-off)_.",
    );
  });

  it("tasks answered in time but supplemented after it: their own entry, not late (lv, en)", () => {
    const data = home([
      {
        ...first,
        institutions: [{ code: "LM", tasks: ["5", "14", "18"], supplemented: ["5"], late: ["18"] }],
      },
    ]);
    expect(sections(data, "lv").join("\n")).toContain(
      "(20.11.2026.): LM (14); LM (5) _(papildināts pēc ziņošanas termiņa)_; LM (18) _(pēc ziņošanas termiņa)_.",
    );
    expect(sections(data, "en").join("\n")).toContain(
      "(20 Nov 2026): LM (14); LM (5) _(supplemented after the reporting cut-off)_; LM (18) _(after the reporting cut-off)_.",
    );
  });

  it("no late tasks: the line as before", () => {
    const data = home([{ ...first, institutions: [{ code: "LM", tasks: ["5"], late: [] }] }]);
    const lv = sections(data, "lv").join("\n");
    expect(lv).toContain("(20.11.2026.): LM (5). Uzdevuma atbildes");
    expect(lv).not.toContain("pēc ziņošanas termiņa");
  });

  it("a line too long for a section is never cut: institutions that do not fit are counted", () => {
    const institutions = Array.from({ length: 150 }, (_, i) => ({
      code: `INST${i}`,
      tasks: ["5", "14"],
      late: ["14"],
    }));
    const data = home([{ ...first, institutions }]);
    for (const locale of ["lv", "en"] as const) {
      const { blocks } = renderHome(data, locale, RIGA);
      expect(validateBlocks(blocks, "home")).toEqual([]);
      const line = sections(data, locale).find((s) => s.includes("↩️")) ?? "";
      expect(line.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
      expect(line).not.toContain("…\n");
      expect(line).toMatch(
        locale === "lv"
          ? /_\(pēc ziņošanas termiņa\)_; … un vēl \d+ institūcijas\. Uzdevum/u
          : /_\(after the reporting cut-off\)_; … and \d+ more institutions\. /u,
      );
      expect(line).toContain("INST0 (5); INST0 (14) _(");
    }
  });
});
