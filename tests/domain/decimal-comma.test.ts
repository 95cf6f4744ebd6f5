/**
 * A task number written with a decimal comma, as Latvian writes decimals (a fresh user's
 * finding: a thread reply "13,3: …" got "no task number"): "13,3" is read as 13.3 in a reply's
 * prefix and in `/task 13,3` (src/domain/ascii-digits.ts decimalComma; not an Arabic or fullwidth comma), while "5, 14: …" (a
 * list, a space after the comma) still names tasks 5 and 14 and "1,5,14" is no decimal. In a
 * thread, "5,14: …" is the list of 5 and 14 too unless 5.14 is a task of its scope or its
 * programme ("13,3: …" where 13.3 is asked elsewhere names 13.3, src/domain/decimal-tasks.ts).
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../commands/task.ts";
import { decimalComma } from "../../src/domain/ascii-digits.ts";
import {
  attributeReply,
  bareLeadingNumber,
  isNumberOnly,
  leadingNumbers,
  namedTasks,
  replyBody,
  strayNumbers,
  taskNumberPrefix,
  tasksNotFiled,
} from "../../src/domain/attribution.ts";
import { commaDecimals, decimalTasks, needsProgramme } from "../../src/domain/decimal-tasks.ts";

describe("a decimal comma in a task number", () => {
  it.each([
    ["13,3", "13.3"],
    ["13,3: darīts", "13.3: darīts"],
    ["5, 14: abi", "5, 14: abi"], // a list
    ["1,5,14", "1,5,14"], // a list without spaces, no decimal
    ["10.1,2", "10.1,2"],
    ["13,3.4", "13,3.4"],
    ["14: 2,5 miljoni", "14: 2.5 miljoni"],
    ["5,14: abi", "5.14: abi"], // without isTask every one is a decimal
    ["bez cipariem, teksts", "bez cipariem, teksts"],
    ["١٣,٣", "١٣.٣"], // any script's digits
    ["١٤،١٥", "١٤،١٥"], // the Arabic comma writes no decimal
    ["１４，１５", "１４，１５"], // nor the fullwidth one
  ])("decimalComma(%j) = %j, one code point for one", (text, read) => {
    expect(decimalComma(text)).toBe(read);
    expect([...decimalComma(text)].length).toBe([...text].length);
  });

  it("reads a decimal comma only where isTask says the number is a task", () => {
    const isTask = (n: string) => n === "13.3";
    expect(decimalComma("13,3: a, 5,14: b", isTask)).toBe("13.3: a, 5,14: b");
    expect(decimalComma("5,14: b", isTask, "\uE000")).toBe("5\uE00014: b");
    expect(decimalComma("١٣,٣: a", isTask)).toBe("١٣.٣: a"); // asked as ASCII "13.3"
  });

  it.each([
    ["13,3: darīts", "13.3", "darīts"],
    ["13,3 – darīts", "13.3", "darīts"],
    ["*13,3*. Grozījumi", "13.3", "Grozījumi"],
    ["uzd. 13,3 izpildīts", "13.3", "izpildīts"],
    ["13,3. punkts: 2,5 līgumi", "13.3", "2,5 līgumi"], // the rest as typed
    ["١٣,٣: darīts", "13.3", "darīts"], // Arabic-Indic digits, an ASCII comma
  ])("the reply %j names task %s, rest %j", (text, number, rest) => {
    expect(taskNumberPrefix(text)).toEqual({ number, rest });
  });

  it("files '13,3: …' under 13.3 and shows it without the prefix", () => {
    expect(leadingNumbers("13,3: darīts")).toEqual(["13.3"]);
    expect(attributeReply("13,3: darīts", ["5", "13.3"], ["5", "13.3"])).toBe("13.3");
    expect(namedTasks("13,3: darīts", ["5", "13.3"])).toEqual(["13.3"]);
    expect(replyBody("13,3: darīts", "13.3")).toBe("darīts");
    expect(isNumberOnly("13,3:")).toBe(true);
    expect(isNumberOnly("13,3: darīts")).toBe(false);
  });

  it("keeps '5, 14: …' a list of tasks 5 and 14", () => {
    expect(leadingNumbers("5, 14: abi turpinās")).toEqual(["5", "14"]);
    expect(namedTasks("5, 14: abi turpinās", ["5", "14"])).toEqual(["5", "14"]);
    expect(attributeReply("5, 14: abi", ["5", "14"], ["5", "14"])).toBe("5");
  });

  it("reads '5,14: …' as the list of 5 and 14 when 5.14 is no task in scope (3ca8296's regression)", () => {
    const scope = ["5", "14"];
    for (const text of ["5,14: abi ir izpildīti", "5, 14: abi ir izpildīti"]) {
      expect(leadingNumbers(text, scope), text).toEqual(["5", "14"]);
      expect(namedTasks(text, scope), text).toEqual(["5", "14"]);
      expect(attributeReply(text, scope, scope), text).toBe("5");
      expect(tasksNotFiled(text, scope, "5"), text).toEqual(["14"]);
      expect(strayNumbers(text, scope), text).toEqual([]);
    }
    expect(taskNumberPrefix("5,14: abi", scope)).toBeNull();
    // A task 5.14 in scope is named by it, as "13,3: …" names 13.3.
    expect(attributeReply("5,14: abi", ["5", "14", "5.14"], ["5", "14"])).toBe("5.14");
    expect(taskNumberPrefix("5,14: abi", ["5.14"])).toEqual({ number: "5.14", rest: "abi" });
    // Not in scope, 13.3 is a list too ("13" and "3" are then said not to be in the reminder).
    expect(leadingNumbers("13,3: darīts", scope)).toEqual(["13", "3"]);
    // Without a scope (/task, the annex's replyBody) the comma is a decimal one, as before.
    expect(leadingNumbers("5,14: abi")).toEqual(["5.14"]);
  });

  it.each([
    ["5,0: vēlu", ["5.0"]], // no task 0: a decimal still, asked "did you mean 5?" (stray.ts)
    ["1,5,14: x", []], // no decimal and no list
    ["٢،٥: daļa", []], // the Arabic comma: neither
    ["14: 2,5 miljoni", ["14"]], // a figure after the number
  ])("%j with scope 5, 14 starts with %j", (text, numbers) => {
    expect(leadingNumbers(text, ["5", "14"])).toEqual(numbers);
  });

  it("takes no later part's figure '14,5: …' for a task", () => {
    expect(namedTasks("5: darīts\n14,5: procenti", ["5", "14", "14.5"])).toEqual(["5"]);
  });

  it("reads '/task 13,3' as task 13.3, wherever /task takes a number", () => {
    expect(parse("13,3")).toEqual({ kind: "task", number: "13.3", comma: true });
    expect(parse("#13,3.")).toEqual({ kind: "task", number: "13.3", comma: true });
    expect(parse("13,3 history 2")).toEqual({ kind: "history", number: "13.3", page: 2 });
    expect(parse("2014:13,3")).toEqual({
      kind: "task",
      number: "13.3",
      programme: "2014",
      comma: true,
    });
    expect(parse("13,3 set status partial")).toMatchObject({ kind: "set", number: "13.3" });
    expect(parse("1,5,14")).toMatchObject({ kind: "invalid", reason: "not_understood" });
    expect(parse("١٤،١٥")).toMatchObject({ kind: "invalid", reason: "not_understood" });
  });
});

describe("'N,M: …' read by the programme's task numbers too (decimal-tasks.ts)", () => {
  const PROGRAMME = ["3", "5", "13", "13.3", "14"];

  it("lists the leading 'N,M' as N.M, leaving out 'N,0', figures and later parts", () => {
    expect(commaDecimals("13,3: apmācības; 5,14: x")).toEqual(["13.3"]);
    expect(commaDecimals("05,14 un 2,5: x")).toEqual(["5.14", "2.5"]);
    expect(commaDecimals("5,0: vēlu")).toEqual([]);
    expect(commaDecimals("5, 14: abi\n13,3: x")).toEqual([]);
    expect(commaDecimals("١٣,٣: x")).toEqual(["13.3"]);
    expect(needsProgramme("13,3: x", ["5"])).toBe(true);
    expect(needsProgramme("13,3: x", ["5", "13.3"])).toBe(false);
    expect(needsProgramme("14: 2,5 miljoni\n5: x", ["5"])).toBe(false); // a figure, no number
    expect(needsProgramme("13,3 apmācības", ["5"])).toBe(true); // no colon: a bare number
  });

  it("adds the programme's numbers to the scope, but not N.M whose N and M are both asked", () => {
    expect(decimalTasks(["5"], PROGRAMME)).toEqual(["5", "3", "13", "13.3", "14"]);
    expect(decimalTasks(["13", "3"], PROGRAMME)).toEqual(["13", "3", "5", "14"]);
    expect(decimalTasks(["13"], PROGRAMME)).toContain("13.3");
  });

  it("reads '13,3: …' in a thread asking 5 as 13.3, not in the scope", () => {
    const scope = ["5"];
    const known = decimalTasks(scope, PROGRAMME);
    const text = "13,3: apmācības notika";
    expect(leadingNumbers(text, known)).toEqual(["13.3"]);
    expect(namedTasks(text, scope, known)).toEqual([]);
    expect(strayNumbers(text, scope, known)).toEqual(["13.3"]);
    expect(attributeReply(text, scope, scope, { known })).toBeNull();
    expect(tasksNotFiled(text, scope, null, known)).toEqual([]);
    // With the scope alone (no programme read) it is the list of 13 and 3, as before.
    expect(strayNumbers(text, scope)).toEqual(["13", "3"]);
  });

  it("keeps '5,14: …' a list when 5.14 is no task anywhere, and '13,3: …' where 13 and 3 are asked", () => {
    const scope = ["5", "14"];
    const known = decimalTasks(scope, PROGRAMME);
    expect(namedTasks("5,14: abi", scope, known)).toEqual(["5", "14"]);
    expect(attributeReply("5,14: abi", scope, scope, { known })).toBe("5");
    expect(strayNumbers("5,14: abi", ["5"], decimalTasks(["5"], PROGRAMME))).toEqual(["14"]);
    const both = ["13", "3"];
    const knownBoth = decimalTasks(both, PROGRAMME);
    expect(attributeReply("13,3: abi", both, both, { known: knownBoth })).toBe("13");
    expect(tasksNotFiled("13,3: abi", both, "13", knownBoth)).toEqual(["3"]);
  });
});

describe("a reply starting with a number but no colon (bareLeadingNumber)", () => {
  it.each([
    ["13.3 apmācības", "13.3", "13.3"],
    ["13,3 apmācības", "13,3", "13.3"], // typed as written, read with a full stop
    ["14 apmācības", "14", "14"],
    ["*13,3* apmācības", "13,3", "13.3"],
    ["١٤ apmācības", "١٤", "14"],
  ])("%j starts with %j (task %s) and names no task", (text, typed, number) => {
    expect(bareLeadingNumber(text)).toEqual({ typed, number });
    // Filing is unchanged: no task named (README "Replies").
    expect(leadingNumbers(text)).toEqual([]);
    expect(attributeReply(text, ["5", "13.3"], ["5", "13.3"])).toBeNull();
  });

  it.each([
    "13.3: apmācības", // names its task
    "5. decembrī notika sanāksme", // a date
    "10.12. sanāksme",
    "2026 gadā apmācības", // a year
    "Labdien, 14 apmācības",
    "14",
    "13.3 apmācības\n5: darīts", // names task 5 on a later line
  ])("%j gets no 'no colon' hint", (text) => {
    expect(bareLeadingNumber(text)).toBeNull();
  });

  it("'/task 13,' is read as '/task 13.' is", () => {
    expect(parse("13,")).toEqual({ kind: "task", number: "13" });
    expect(parse("13.")).toEqual({ kind: "task", number: "13" });
    expect(parse("13,3,")).toMatchObject({ kind: "invalid" });
    expect(parse("#14,")).toEqual({ kind: "task", number: "14" });
  });
});
