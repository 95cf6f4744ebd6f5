/**
 * Every example a slash command's help shows is read by that command's parser as written, in
 * both languages: a help line that the parser would answer with "Nesapratu" misleads. A Slack
 * pick (`#kanāls`, `@anna`) is sent as Slack sends it (`<#C…|kanāls>`, `<@U…>`).
 */
import { describe, expect, it } from "vitest";
import * as calendar from "../../commands/calendar.ts";
import * as cutoff from "../../commands/cutoff-parse.ts";
import * as digest from "../../commands/digest.ts";
import * as exportCommand from "../../commands/export.ts";
import * as institution from "../../commands/institution-parse.ts";
import * as programme from "../../commands/programme.ts";
import * as role from "../../commands/role.ts";
import * as session from "../../commands/session-parse.ts";
import * as task from "../../commands/task.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { digestCommandText } from "../../src/i18n/digest.ts";
import { en } from "../../src/i18n/en.ts";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { institutionText } from "../../src/i18n/institution.ts";
import { lv } from "../../src/i18n/lv.ts";
import { programmeText } from "../../src/i18n/programme.ts";
import { roleText } from "../../src/i18n/role.ts";
import { sessionText } from "../../src/i18n/session.ts";

type Parse = (text: string) => { kind: string };
const parsers: Record<string, Parse> = {
  task: task.parse,
  cutoff: cutoff.parse,
  session: session.parse,
  digest: digest.parse,
  export: exportCommand.parse,
  calendar: calendar.parse,
  institution: institution.parse,
  role: role.parse,
  programme: programme.parse,
};

const helps = (locale: "lv" | "en") => [
  (locale === "lv" ? lv : en).overview.usage("IEM, LM"),
  cutoffText(locale).usage,
  sessionText(locale).usage,
  digestCommandText(locale).usage,
  exportCommandText(locale).exportUsage,
  exportCommandText(locale).calendarUsage,
  institutionText(locale).usage,
  roleText(locale).usage,
  programmeText(locale).usage,
];

/** `/name words` in code spans (none has an ellipsis), with Slack's picks as Slack sends them. */
const examples = (text: string) =>
  [...text.matchAll(/`\/([a-z]+)((?: [^`]*)?)`/gu)].map((m) => ({
    name: m[1] ?? "",
    words: (m[2] ?? "")
      .trim()
      .replace(/#(\p{L}+)/gu, "<#C0TEST0001|$1>")
      .replace(/@\p{L}+/gu, "<@U0TEST0001>"),
  }));

describe.each(["lv", "en"] as const)("help examples in %s", (locale) => {
  const all = helps(locale).flatMap(examples);

  it("name every command's forms", () => {
    expect(new Set(all.map((e) => e.name))).toEqual(new Set(Object.keys(parsers)));
  });

  it.each(all.map((e) => [`/${e.name} ${e.words}`.trim(), e] as const))("%s parses", (_, e) => {
    const parse = parsers[e.name];
    expect(parse, e.name).toBeDefined();
    expect(parse?.(e.words).kind).not.toBe("invalid");
  });
});

describe("secretary-only commands say so in their help", () => {
  it.each(["lv", "en"] as const)("%s", (locale) => {
    const mark = locale === "lv" ? "(sekretārs)" : "(secretary)";
    expect(digestCommandText(locale).usage).toContain(mark);
    expect(exportCommandText(locale).exportUsage).toContain(mark);
  });
});

describe("/institution help: keeping and clearing the contact people", () => {
  it.each(["lv", "en"] as const)("%s names both forms, and they mean what they say", (locale) => {
    const sets = examples(institutionText(locale).usage).filter((e) => e.words.startsWith("set"));
    const read = sets.map((e) => institution.parse(e.words));
    // Replacing (contacts named), keeping (none named: null) and clearing (--no-contacts: []).
    expect(read.map((r) => (r.kind === "set" ? r.userIds : r.kind))).toEqual([
      ["U0TEST0001"],
      null,
      [],
    ]);
  });
});
