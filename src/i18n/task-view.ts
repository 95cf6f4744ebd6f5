import { defineCatalog } from "./define.ts";

const lv = {
  /**
   * `/task N`'s header when "5. <title>" would not fit Slack's 150 characters: the number only,
   * the title shown once, in full, right under it (never cut in the header and repeated).
   */
  numberHeading: (number: string) => `Uzdevums ${number}`,
};

const en: typeof lv = {
  numberHeading: (number) => `Task ${number}`,
};

/** Texts of the `/task N` view not in the main catalogue. */
export const taskViewText = defineCatalog<typeof lv>({ lv, en });
