/**
 * `/institution list` prints only the list of institutions (README: "every institution: ✅ with
 * its channel, ⚠️ …, ⚪ not mapped"), not the help block before it (a fresh user's finding);
 * `/institution` and `/institution help` keep the title and usage, then the same list. lv and
 * en; the store is SQLite or PostgreSQL (TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/institution.ts";
import { adminSuite, as, MEMBER, shown } from "./admin-support.ts";

const w = adminSuite();

const answer = (text: string, locale: "lv" | "en") =>
  handle(parse(text), w.deps, as(MEMBER, locale));

describe("/institution list", () => {
  it("reads 'list' as the list alone, '' and 'help' as the usage and the list", () => {
    expect(parse("list")).toEqual({ kind: "list" });
    expect(parse("LIST")).toEqual({ kind: "list" });
    expect(parse("")).toEqual({ kind: "help" });
    expect(parse("help")).toEqual({ kind: "help" });
  });

  it.each([
    ["lv", "Kā lietot", "*Institūcijas* – piesaistītas Slack: 0 no 36"],
    ["en", "How to use", "*Institutions* – mapped to Slack: 0 of 36"],
  ] as const)(
    "(%s) prints the list without the usage; '' puts the usage first",
    async (locale, usage, heading) => {
      const list = await answer("list", locale);
      const text = shown(list);
      expect(text).not.toContain(usage);
      expect(text).not.toContain("/institution set");
      expect(list.blocks?.[0]).toMatchObject({ type: "section", text: { text: heading } });
      expect(text).toContain("⚪ *AiM* ");
      const help = await answer("", locale);
      expect(shown(help)).toContain(usage);
      // The usage (title, text, divider), then the same blocks as `list`.
      expect(help.blocks?.slice(3)).toEqual(list.blocks);
      expect(await answer("help", locale)).toEqual(help);
    },
  );
});
