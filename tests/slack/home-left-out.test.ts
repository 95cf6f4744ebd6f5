/**
 * A contact of more institutions than fit the App Home (Slack's 100 blocks) is told how many
 * were left out and how to see them (a reviewer's finding: they were dropped without a word):
 * the Home ends with "… un vēl 27 institūcijas, kas šeit neietilpa: … `/task <kods>` …
 * `/institution list`." / "… and 27 more institutions that did not fit here: …", within the
 * limit; nothing of it when all fit. Pure: renderHome over a model literal.
 */
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { statusRollups } from "../../src/domain/status-rollup.ts";
import type { HomeData, HomeInstitution } from "../../src/home/model.ts";
import { lvPlural } from "../../src/i18n/define.ts";
import { validateView } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { renderHome } from "../../src/slack/render-home.ts";
import { report } from "../helpers/store.ts";

const tasks = report().tasks.map((t) => ({ ...t, parent: t.parent }));

/** Institution `code` owing tasks 5 and 14 for the current cut-off #3. */
function owing(code: string): HomeInstitution {
  return { code, name: `Institūcija ${code}`, tasks: tasks.slice(0, 4), missing: ["5", "14"] };
}

function home(count: number): HomeData {
  return {
    programme: { code: "2009-2013", title: "Programma" },
    counts: { done: 30, partial: 2, ongoing: 0, not_done: 0, none: 0 },
    headings: 3,
    rollups: statusRollups(tasks),
    nextSession: null,
    cutoff: { id: 3, title: "Trešais", at: "2027-02-01T21:59:59.999Z", passed: false },
    notAnswered: null,
    mine: Array.from({ length: count }, (_, i) => owing(`I${i}`)),
    language: null,
  };
}

/** How many institutions the view shows (their headers). */
const shownOf = (blocks: KnownBlock[]) =>
  blocks.filter((b) => b.type === "header" && b.text.text.includes("Institūcija")).length;

describe("a contact of more institutions than fit the Home", () => {
  it("ends with how many were left out and how to see them, within 100 blocks; lv and en", () => {
    for (const locale of ["lv", "en"] as const) {
      const view = renderHome(home(40), locale, "Europe/Riga");
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(validateView(view, "home")).toEqual([]);
      const shown = shownOf(view.blocks);
      expect(shown).toBeGreaterThan(1);
      expect(shown).toBeLessThan(40);
      const last = blocksToText([view.blocks.at(-1)] as Parameters<typeof blocksToText>[0]);
      expect(last).toContain(
        locale === "lv"
          ? `… un vēl ${40 - shown} ${lvPlural(40 - shown, "institūcija", "institūcijas")}, kas šeit neietilpa: to uzdevumus un trūkstošās atbildes redz ar \`/task <kods>\`, visas institūcijas – ar \`/institution list\`.`
          : `… and ${40 - shown} more institutions that did not fit here: \`/task <code>\` shows their tasks and missing replies, \`/institution list\` every institution.`,
      );
    }
  });

  it("says nothing of it when every institution fits", () => {
    const view = renderHome(home(2), "lv", "Europe/Riga");
    expect(shownOf(view.blocks)).toBe(2);
    expect(JSON.stringify(view.blocks)).not.toContain("neietilpa");
  });
});
