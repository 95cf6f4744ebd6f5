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
  /**
   * The import is written, but re-planning the widened cut-offs `ids` (non-empty) failed with
   * `why`: how to do it again — `cutoff plan <id>` re-plans one, `serve` re-plans all as it starts.
   */
  replanFailed: (ids: readonly number[], why: string) =>
    `Imports ir ierakstīts, bet ${ids.length === 1 ? "ziņošanas termiņa" : "ziņošanas termiņu"} ${ids.map((id) => `#${id}`).join(", ")} atgādinājumus neizdevās plānot no jauna: ${why}. Plānojiet tos ar \`npm run cli -- cutoff plan <id>\` (${ids.map((id) => `\`${id}\``).join(", ")}) vai restartējiet \`serve\`, kas, startējot, plāno visus termiņus.`,
};

const en: typeof lv = {
  widened: (id, lines) =>
    `In reporting cut-off #${id}'s scope, ${lines.length === 1 ? "a heading now stands for its sub-tasks" : "headings now stand for their sub-tasks"}: ${lines.join("; ")}.`,
  replanFailed: (ids, why) =>
    `The import is written, but re-planning the reminders of reporting ${ids.length === 1 ? "cut-off" : "cut-offs"} ${ids.map((id) => `#${id}`).join(", ")} failed: ${why}. Plan them with \`npm run cli -- cutoff plan <id>\` (${ids.map((id) => `\`${id}\``).join(", ")}) or restart \`serve\`, which plans every cut-off as it starts.`,
};

/** The import's cut-off texts in `locale` (see {@link lv}). */
export const importCutoffText = defineCatalog<typeof lv>({ lv, en });
