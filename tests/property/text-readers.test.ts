/**
 * Task numbers in thread replies, institution codes, and the report importer, fed arbitrary,
 * truncated and shuffled text: nothing throws except the importer's documented
 * ReportFormatError, and what is read is what was written.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { findInstitution } from "../../db/institutions.ts";
import { attributeReply, taskNumberPrefix } from "../../src/domain/attribution.ts";
import { ReportFormatError } from "../../src/import/errors.ts";
import { resolveInstitution } from "../../src/import/institutions.ts";
import { parseReport } from "../../src/import/parse-report.ts";
import { importedStore, report, reportText } from "../helpers/store.ts";
import { userText } from "./arbitraries.ts";

const number = fc
  .array(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join("."));
/**
 * A rest that goes on naming numbers ("& 15", "un 15", ", 15") after a number with no separator
 * makes a list of tasks, which is no one-task prefix (see continuesList in
 * src/domain/attribution.ts; the lists have their own properties in task-mentions.test.ts).
 */
const continuesList = /^\s*(?:,|un\s|and\s|&)\s*#?\d/iu;

describe("task numbers in thread replies", () => {
  it("never throw; a found number is a well-formed task number", () => {
    fc.assert(
      fc.property(userText, fc.array(number, { maxLength: 5 }), (text, scope) => {
        const prefix = taskNumberPrefix(text);
        if (prefix) expect(prefix.number).toMatch(/^\d{1,4}(\.\d{1,4}){0,3}$/);
        const attributed = attributeReply(text, scope, scope.slice(0, 1));
        expect(attributed === null || scope.includes(attributed)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("reads the number a reply starts with, whatever follows", () => {
    const separator = fc.constantFrom(": ", ". ", " – ", " - ", ") ", ":");
    const marker = fc.constantFrom("", "#", "uzd. ", "task ", "*");
    fc.assert(
      fc.property(marker, number, separator, fc.string({ maxLength: 200 }), (m, n, sep, rest) => {
        // Bold numbers are documented with a colon ("*14*:"); "*14*." is not read (see report).
        const text = m === "*" ? `*${n}*: ${rest}` : `${m}${n}${sep}${rest}`;
        // "14. decembrī …": a bare number's full stop before a lowercase word starts a date.
        fc.pre(!(m === "" && sep === ". " && /^\s*\p{Ll}/u.test(rest)));
        // "14. & 15 …", "14. un 15": a list of tasks.
        fc.pre(!(sep === ". " && continuesList.test(rest)));
        expect(taskNumberPrefix(text)?.number).toBe(n.replace(/^0+(?=\d)/, ""));
      }),
    );
  });

  it("reads the Latvian ordinal forms, the word not part of the rest", () => {
    const word = fc.constantFrom("punkts", "punktā", "punktu", "uzdevums", "uzdevumā", "uzdevumu");
    const lead = fc.constantFrom("", "Par ", "par ");
    const gap = fc.constantFrom(". ", ".", "*. ", ".* ");
    const separator = fc.constantFrom(": ", " – ", " ", " - ");
    const body = fc
      .string({ maxLength: 200 })
      .filter((r) => r.trim() === r && !/^[:–—)-]/u.test(r));
    fc.assert(
      fc.property(lead, number, gap, word, separator, body, (l, n, g, w, sep, rest) => {
        // "14. punkts & 15 …", "14. punkts un 15": a list of tasks (CI seed 1829931310).
        fc.pre(!(sep === " " && continuesList.test(rest)));
        const bold = g.includes("*") ? "*" : "";
        const prefix = taskNumberPrefix(`${l}${bold}${n}${g}${w}${sep}${rest}`);
        expect(prefix).toEqual({ number: n.replace(/^0+(?=\d)/, ""), rest });
      }),
    );
  });
});

describe("institution codes", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await importedStore());
  });
  afterAll(async () => db?.destroy());

  it("never throw in the importer's or the store's look-up; known codes resolve in any case", async () => {
    const institutions = report().institutions;
    fc.assert(
      fc.property(userText, (text) => {
        const found = resolveInstitution(text, institutions);
        expect(found === undefined || institutions.includes(found)).toBe(true);
      }),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(userText, async (text) => {
        const found = await findInstitution(db, text);
        expect(found === undefined || typeof found.code === "string").toBe(true);
      }),
      { numRuns: 100 },
    );
    const code = fc.constantFrom(...institutions.map((i) => i.code));
    await fc.assert(
      fc.asyncProperty(code, fc.boolean(), async (c, lower) => {
        const asked = lower ? c.toLocaleLowerCase("lv") : c;
        expect(resolveInstitution(asked, institutions)).toBeDefined();
        expect((await findInstitution(db, ` ${asked} `))?.code).toBeDefined();
      }),
      { numRuns: 60 },
    );
  });
});

describe("the report importer", () => {
  const lines = reportText.split("\n");
  const onlyTypedErrors = (text: string) => {
    try {
      const parsed = parseReport(text);
      expect(parsed.tasks.length).toBeGreaterThan(0);
    } catch (error) {
      expect(error).toBeInstanceOf(ReportFormatError);
      expect((error as ReportFormatError).message).not.toBe("");
    }
  };

  it("reads the report cut anywhere, or refuses it with a ReportFormatError", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reportText.length }), (end) =>
        onlyTypedErrors(reportText.slice(0, end)),
      ),
      { numRuns: 60 },
    );
  });

  it("reads the report with lines shuffled or dropped, or refuses it", () => {
    const block = fc.record({
      start: fc.integer({ min: 0, max: lines.length - 1 }),
      length: fc.integer({ min: 1, max: 400 }),
      to: fc.integer({ min: 0, max: lines.length - 1 }),
      drop: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (moves) => {
        const text = [...lines];
        for (const m of moves) {
          const cut = text.splice(m.start, m.length);
          if (!m.drop) text.splice(Math.min(m.to, text.length), 0, ...cut);
        }
        onlyTypedErrors(text.join("\n"));
      }),
      { numRuns: 40 },
    );
  });

  it("refuses random text with a ReportFormatError", () => {
    fc.assert(fc.property(userText, onlyTypedErrors), { numRuns: 300 });
    const annex = reportText.indexOf("VI. PIELIKUMS");
    fc.assert(
      fc.property(fc.string({ maxLength: 3_000 }), (noise) =>
        onlyTypedErrors(`${reportText.slice(0, annex + 60)}\n${noise}`),
      ),
      { numRuns: 40 },
    );
  });
});
