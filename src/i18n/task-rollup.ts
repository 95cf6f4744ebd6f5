import { defineCatalog } from "./define.ts";

/**
 * Words of a heading task's status roll-up (see src/domain/status-rollup.ts). `/task N` writes
 * the roll-up after the shared `task.seeSubtasks` ("Sk. apakšuzdevumus: ✅ 2 · 🟡 1").
 */
const lv = {
  /** The overview's count of heading rows (10, 10.1, 13), beside the counts by status. */
  headings: "Virsraksti ar apakšuzdevumiem",
};

const en: typeof lv = {
  headings: "Headings with sub-tasks",
};

/** Texts of heading tasks' status roll-ups in `/task` views. */
export const taskRollupText = defineCatalog<typeof lv>({ lv, en });
