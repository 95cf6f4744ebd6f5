import { describe, expect, it } from "vitest";
import { handle as handleCutoff, parse as parseCutoff } from "../../commands/cutoff.ts";
import { handle, parse } from "../../commands/role.ts";
import { listRoleHolders } from "../../db/roles.ts";
import { isSecretary } from "../../src/auth.ts";
import { adminSuite, adminWorld, as, auditOf, MEMBER, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite();

const run = (text: string, userId = SECRETARY, locale: "lv" | "en" = "lv") =>
  handle(parse(text), w.deps, as(userId, locale));

describe("/role", () => {
  it("lets the secretary grant the role, audited; the new secretary may then change things", async () => {
    const reply = await run("add <@U0ANNA|anna> secretary");
    expect(shown(reply)).toContain("<@U0ANNA> tagad ir sekretārs");
    expect(await isSecretary(w.deps, "U0ANNA")).toBe(true);
    expect(await auditOf(w.db, "role", "U0ANNA")).toMatchObject([
      { actor: SECRETARY, action: "create", before: null, after: "secretary" },
    ]);
    const added = await handleCutoff(parseCutoff("add 2027-02-01 Ziņojums"), w.deps, as("U0ANNA"));
    expect(added.found).toBe(true);
    expect(shown(await run("add <@U0ANNA>"))).toContain("jau ir sekretārs");
  });

  it("lists secretaries for anyone, saying where each role comes from", async () => {
    await run("add <@U0ANNA> secretary");
    const text = shown(await run("list", MEMBER));
    expect(text).toContain("<@U0SECRETARY> – servera iestatījums (SECRETARY_USER_IDS)");
    expect(text).toContain("<@U0ANNA> – piešķīra <@U0SECRETARY> 29.11.2026.");
    expect(shown(await run("", MEMBER, "en"))).toContain("/role add @user secretary");
    // The header names the list; no bold "*Sekretāri*" line repeats it under it.
    expect(text).not.toContain("*Sekretāri*");
  });

  it("dates a grant in Riga: just after midnight there it is already the next day", async () => {
    w.clock.set("2026-11-29T22:30:00Z");
    await run("add <@U0ANNA> secretary");
    expect(shown(await run("list", MEMBER))).toContain(
      "<@U0ANNA> – piešķīra <@U0SECRETARY> 30.11.2026.",
    );
    expect(shown(await run("list", MEMBER, "en"))).toContain("30 Nov 2026");
  });

  it("refuses anyone else, naming the secretaries", async () => {
    for (const text of ["add <@U0ANNA> secretary", "remove <@U0SECRETARY> secretary"]) {
      const reply = await run(text, MEMBER);
      expect(reply.found).toBe(false);
      expect(shown(reply)).toContain(
        "piešķirt un noņemt lomas var tikai sekretārs (<@U0SECRETARY>)",
      );
      // Named already: no pointer to `/role list` to find them again.
      expect(shown(reply)).not.toContain("/role list");
    }
    expect(await listRoleHolders(w.db, "secretary")).toEqual([]);
  });

  it("does not remove a secretary from SECRETARY_USER_IDS, and says so", async () => {
    const reply = await run("remove <@U0SECRETARY> secretary");
    expect(reply.found).toBe(false);
    expect(shown(reply)).toContain("servera iestatījuma SECRETARY_USER_IDS");
    expect(await isSecretary(w.deps, SECRETARY)).toBe(true);
  });

  it("removes a granted role, audited", async () => {
    await run("add <@U0ANNA> secretary");
    expect(shown(await run("remove <@U0ANNA> secretary"))).toContain("vairs nav sekretārs");
    expect(await isSecretary(w.deps, "U0ANNA")).toBe(false);
    expect((await auditOf(w.db, "role", "U0ANNA"))[0]).toMatchObject({
      action: "delete",
      after: null,
    });
    expect(shown(await run("remove <@U0ANNA> secretary"))).toContain("nav sekretārs, tāpēc");
  });

  it("keeps the last secretary when no one is configured", async () => {
    const alone = await adminWorld(w.box, { config: { secretaryUserIds: [] } });
    try {
      const cli = { ...as("cli"), userId: "cli" };
      await handle(parse("add U0ANNA secretary"), alone.deps, cli);
      const reply = await handle(parse("remove <@U0ANNA> secretary"), alone.deps, as("U0ANNA"));
      expect(shown(reply)).toContain("vienīgā persona ar sekretāra lomu");
      const refused = await handle(parse("add <@U0X00001>"), alone.deps, as(MEMBER));
      expect(shown(refused)).toContain("(<@U0ANNA>)");
      const none = await adminWorld(w.box, { config: { secretaryUserIds: [] } });
      const bootstrap = await handle(parse("add <@U0X00001>"), none.deps, as(MEMBER, "en"));
      // A Slack user is told whom to ask, never a server command they cannot run.
      expect(shown(bootstrap)).toContain("No secretary has been named yet (`/role list`)");
      expect(shown(bootstrap)).toContain("Ask whoever runs Koordinators");
      expect(shown(bootstrap)).not.toContain("koordinators");
      const lv = await handle(parse("add <@U0X00001>"), none.deps, as(MEMBER));
      expect(shown(lv)).toContain("Palūdziet lietotnes administratoru");
      expect(shown(lv)).not.toMatch(/koordinators |SECRETARY_USER_IDS/);
      await none.stop();
    } finally {
      await alone.stop();
    }
  });
});
