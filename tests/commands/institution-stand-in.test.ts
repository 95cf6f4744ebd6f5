/**
 * `/institution away` names the real institution in the stand-in command it suggests when a
 * contact's absence leaves an institution with nobody to mention (a fresh user's finding: it
 * said "`/institution set CODE #channel @… @…`", a placeholder to retype).
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/institution.ts";
import { adminSuite, as, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite();

const run = (text: string, locale: "lv" | "en" = "lv") =>
  handle(parse(text), w.deps, as(SECRETARY, locale));

describe("/institution away: the stand-in command", () => {
  it("names the institution left without a contact, in both languages", async () => {
    await run("set IEM <#C0IEM0001> <@U0LOCAL02>");
    const lv = shown(await run("away <@U0LOCAL02> 2027-01-15"));
    expect(lv).toContain("Pievienojiet aizvietotāju: `/institution set IEM #kanāls @… @…`.");
    expect(lv).not.toContain("KODS");
    const en = shown(await run("away <@U0LOCAL02> 2027-01-16", "en"));
    expect(en).toContain("Add a stand-in: `/institution set IEM #channel @… @…`.");
    expect(en).not.toContain("CODE");
  });

  it("gives one command per institution when several are left without a contact", async () => {
    await run("set IEM <#C0IEM0001> <@U0LOCAL02>");
    await run("set LM <#C0LM00001> <@U0LOCAL02>");
    const lv = shown(await run("away <@U0LOCAL02> 2027-01-15"));
    expect(lv).toContain("⚠️ IEM, LM: citu kontaktpersonu");
    expect(lv).toContain(
      "`/institution set IEM #kanāls @… @…`, `/institution set LM #kanāls @… @…`.",
    );
  });
});
