/**
 * The secretary's App Home names each task's `/task N history` once over its "↩️ Atbildes
 * saņemtas arī uz …" lines, as the digest does (a fresh user's finding: two lines in a row each
 * ended with "`/task 5 history`"). Pure: renderHome over a model literal.
 */
import { describe, expect, it } from "vitest";
import type { HomeData } from "../../src/home/model.ts";
import { renderHome } from "../../src/slack/render-home.ts";

const data: HomeData = {
  programme: { code: "2009-2013", title: "Programma" },
  counts: { done: 30, partial: 2, ongoing: 0, not_done: 0, none: 0 },
  headings: 0,
  rollups: new Map(),
  nextSession: null,
  cutoff: { id: 3, title: "Trešais", at: "2027-02-01T21:59:59.999Z", passed: false },
  notAnswered: [],
  otherCutoffs: [
    {
      id: 1,
      title: "Pirmais",
      at: "2026-11-20T21:59:59.999Z",
      institutions: [{ code: "LM", tasks: ["5"] }],
    },
    {
      id: 2,
      title: "Otrais",
      at: "2026-11-25T21:59:59.999Z",
      institutions: [{ code: "IEM", tasks: ["5", "2"] }],
    },
  ],
  mine: [],
  language: null,
} as unknown as HomeData;

describe("the secretary's Home: other cut-offs' replies", () => {
  it("each task's history named once, on the first line naming it (lv, en)", () => {
    const lv = JSON.stringify(renderHome(data, "lv", "Europe/Riga").blocks);
    expect(lv.match(/`\/task 5 history`/gu)).toHaveLength(1);
    expect(lv.match(/`\/task 2 history`/gu)).toHaveLength(1);
    const en = JSON.stringify(renderHome(data, "en", "Europe/Riga").blocks);
    expect(en.match(/`\/task 5 history`/gu)).toHaveLength(1);
  });
});
