import { describe, expect, it } from "vitest";
import { ADMIN_ARG_MAX } from "../../commands/args.ts";
import { parse as parseCutoff } from "../../commands/cutoff-parse.ts";
import { parse as parseInstitution } from "../../commands/institution-parse.ts";
import { parse as parseRole } from "../../commands/role.ts";
import { parse as parseSession } from "../../commands/session-parse.ts";

// Slack sends "<", ">" and "&" as "&lt;", "&gt;" and "&amp;": a length check counts what was typed.
const escaped = (typed: string) =>
  typed.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

describe("too-long checks measure the text as typed, not Slack's escaping", () => {
  // 1,500 characters typed, about 4,000 as Slack sends them.
  const words = "<a & b> ".repeat(187);

  it.each([
    ["/cutoff", parseCutoff, `add 2027-02-01 ${words}`],
    ["/session", parseSession, `add 2027-02-01 10:00 ${words}`],
    ["/role", parseRole, `add <@U0ANNA> ${words}`],
    ["/institution", parseInstitution, `add TM ${words}`],
  ] as const)("%s reads past the length check", (_name, parse, typed) => {
    const sent = escaped(typed);
    expect(sent.length).toBeGreaterThan(ADMIN_ARG_MAX);
    expect(typed.length).toBeLessThanOrEqual(ADMIN_ARG_MAX);
    const got = parse(sent);
    expect("mistake" in got ? got.mistake.reason : got.kind).not.toBe("too_long");
  });

  it.each([
    ["/cutoff", parseCutoff],
    ["/session", parseSession],
    ["/role", parseRole],
    ["/institution", parseInstitution],
  ] as const)("%s names the typed length when it is too long", (_name, parse) => {
    const typed = `add 2027-02-01 ${"<&>".repeat(1000)}`;
    expect(parse(escaped(typed))).toMatchObject({
      kind: "invalid",
      mistake: { reason: "too_long", length: typed.length },
    });
  });
});
