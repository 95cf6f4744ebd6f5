import { defineCatalog } from "./define.ts";

/**
 * What an import (`import <file>`, `import --format xlsx|csv`) says of a cut-off still ahead
 * whose scope named a task the file made a heading: that number now stands for its sub-tasks,
 * in the words `/cutoff add --tasks` uses for a heading ("13 → 13.1, 13.2").
 */
const lv = {
  /** `lines`: "13.4 → 13.4.1, 13.4.2", one per heading, non-empty. */
  widened: (id: number, lines: readonly string[]) =>
    `Ziņošanas termiņa #${id} apjomā ${lines.length === 1 ? "virsraksts tagad nozīmē tā apakšuzdevumus" : "virsraksti tagad nozīmē to apakšuzdevumus"}: ${lines.join("; ")}.`,
};

const en: typeof lv = {
  widened: (id, lines) =>
    `In reporting cut-off #${id}'s scope, ${lines.length === 1 ? "a heading now stands for its sub-tasks" : "headings now stand for their sub-tasks"}: ${lines.join("; ")}.`,
};

/** The import's cut-off texts in `locale` (see {@link lv}). */
export const importCutoffText = defineCatalog<typeof lv>({ lv, en });
