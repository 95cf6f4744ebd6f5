/**
 * Invisible format characters a copy and paste brings along (U+200B zero-width space, U+200C/D
 * zero-width (non-)joiners, U+2060 word joiner, U+FEFF byte-order mark, the bidirectional
 * controls U+200E/F, U+061C, U+202A–E, U+2066–9) are not part of a
 * command, and a no-break space reads as a space (a fresh user's finding: "/task 14" + U+200B
 * answered "Nesapratu „14​”", quoting the invisible character back). Pure parsers, then every
 * slash command through the app's signed endpoint (SQLite, or PostgreSQL with TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanCommandText, tokenize, unescapeSlack } from "../../commands/args.ts";
import { parse as parseTask } from "../../commands/task.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { slashText } from "../helpers/slash.ts";

const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];
/** Bidirectional controls (marks, embeddings, overrides, isolates): dropped as well. */
const BIDI = [
  "\u200E",
  "\u200F",
  "\u061C",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];
/** Any of them, as the answers must not quote it back. */
const UNSEEN = /[\u200B-\u200F\u2060\uFEFF\u061C\u202A-\u202E\u2066-\u2069]/u;

describe("cleanCommandText", () => {
  it.each(INVISIBLE)("drops U+%s wherever it is", (c) => {
    expect(cleanCommandText(`${c}14${c} ${c}history${c}`)).toBe("14 history");
  });

  it.each(BIDI)("drops the bidirectional control U+%s wherever it is", (c) => {
    expect(cleanCommandText(`${c}14${c} ${c}history${c}`)).toBe("14 history");
  });

  it("reads no-break spaces as spaces and leaves other text as it is", () => {
    expect(cleanCommandText("14\u00A0set\u202Fstatus\u2007done")).toBe("14 set status done");
    const plain = "add 2027-02-01 Ziņojums MK";
    expect(cleanCommandText(plain)).toBe(plain);
  });

  it("keeps a joiner inside an emoji sequence", () => {
    const family = "👨\u200D👩\u200D👧";
    expect(cleanCommandText(`Sēde ${family}\u200B`)).toBe(`Sēde ${family}`);
  });

  it("tokenize and unescapeSlack read the text the same way", () => {
    expect(tokenize("set\u200B IEM\u00A0<#C123|iem>\u2060")).toEqual(["set", "IEM", "<#C123|iem>"]);
    expect(unescapeSlack("A &amp; B\u200B")).toBe("A & B");
  });

  it.each(INVISIBLE)("/task reads 14 followed by U+%s as task 14", (c) => {
    expect(parseTask(`14${c}`)).toEqual({ kind: "task", number: "14" });
    expect(parseTask(`14 set status${c} done`)).toMatchObject({ kind: "set", number: "14" });
  });
});

describe("through the signed endpoint", () => {
  const USER = "U0INVIS01";
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock("2026-11-29T12:00:00Z") });
    t.emulator.addUser({ id: USER, name: "anna", locale: "lv-LV" });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it.each(INVISIBLE)("/task 14 + U+%s answers task 14, quoting nothing invisible", async (c) => {
    const text = await slashText(t, "/task", `14${c}`, USER);
    expect(text).not.toContain("Nesapratu");
    expect(text).toContain("14.");
    expect(text).not.toMatch(UNSEEN);
  });

  it("/task 14 inside bidirectional controls answers task 14; an unknown word is quoted without them", async () => {
    for (const c of BIDI) {
      const text = await slashText(t, "/task", `${c}14${c === "\u202A" ? "\u202C" : ""}`, USER);
      expect(text).not.toContain("Nesapratu");
      expect(text).toContain("14.");
    }
    const unknown = await slashText(t, "/task", "\u202Aabc\u202C\u200F", USER);
    expect(unknown).toContain("Nesapratu „abc”");
    expect(unknown).not.toMatch(UNSEEN);
  });

  it("other commands read their text alike (/session list, /institution IEM)", async () => {
    const sessions = await slashText(t, "/session", "list\u200B", USER);
    expect(sessions).toBe(await slashText(t, "/session", "list", USER));
    const institution = await slashText(t, "/institution", "\uFEFFIEM\u00A0", USER);
    expect(institution).toBe(await slashText(t, "/institution", "IEM", USER));
  });
});
