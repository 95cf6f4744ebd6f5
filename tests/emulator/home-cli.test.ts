/**
 * `npm run slack -- --home`: the App Home as Slack opens it (the signed app_home_opened, the
 * app's views.publish), printed as text, against the real app in local mode. The secretary (the
 * local user) sees the header and the secretary's part; an institution contact sees their
 * institution's part; lv and en; an unknown --user is refused as the other options refuse it.
 */
import { describe, expect, it } from "vitest";
import { LOCAL_USER_ID } from "../../src/config.ts";
import { slackToolText } from "../../src/i18n/cli-slack.ts";
import { localSlackHooks, sendCli } from "../helpers/local-slack.ts";

const CHANNEL = "C0LOCAL01";
let dataDir: string;
const lv = slackToolText("lv");
const en = slackToolText("en");

const send = (...argv: string[]) => sendCli(dataDir, argv);

localSlackHooks((local) => ({ dataDir } = local));

describe("npm run slack -- --home", { timeout: 60_000 }, () => {
  it("the secretary's Home: its header and the secretary's part, lv then en", async () => {
    const year = new Date().getUTCFullYear() + 1;
    expect((await send(`/cutoff add ${year}-02-01 --tasks 5,14 Pārbaude`)).code).toBe(0);
    const home = await send("--home");
    expect(home).toMatchObject({ code: 0, err: "" });
    expect(home.out).toContain(lv.homeOf("@sekretars"));
    expect(home.out).toContain("Koordinators\n=");
    expect(home.out).toContain("Sekretāram");
    expect(home.out).toContain("⏰ Ziņošanas termiņš #1");

    const english = await send("--home", "--lang", "en");
    expect(english).toMatchObject({ code: 0, err: "" });
    expect(english.out).toContain(en.homeOf("@sekretars"));
    expect(english.out).toContain("For the secretary");
    expect(english.out).toContain("Reporting cut-off #1");
    // The choice sticks, as on Slack's Home: the next opening is English without --lang.
    expect((await send("--home")).out).toContain("For the secretary");
    expect((await send("--lang", "lv")).code).toBe(0);
  });

  it("an institution contact's Home: their institution's part, not the secretary's", async () => {
    expect((await send("--add-user", "anna")).code).toBe(0);
    const set = await send(`/institution set LM <#${CHANNEL}> <@U0LOCAL02>`);
    expect(set.code).toBe(0);
    const home = await send("--home", "--user", "U0LOCAL02");
    expect(home).toMatchObject({ code: 0, err: "" });
    expect(home.out).toContain(lv.homeOf("@anna"));
    expect(home.out).toMatch(/^LM – .+\n=/mu);
    expect(home.out).not.toContain("Sekretāram");

    const english = await send("--home", "--user", "U0LOCAL02", "--lang", "en");
    expect(english.out).toContain(en.homeOf("@anna"));
    expect(english.out).toMatch(/^LM – .+\n=/mu);
    expect(english.out).not.toContain("For the secretary");
  });

  it("--json prints the published blocks", async () => {
    const r = await send("--home", "--json");
    expect(r.code).toBe(0);
    const { blocks } = JSON.parse(r.out) as { blocks: Array<{ type: string }> };
    expect(blocks[0]?.type).toBe("header");
  });

  it("an unknown --user is refused (exit 2), naming who the local Slack has", async () => {
    const r = await send("--home", "--user", "U0NOBODY");
    expect(r.code).toBe(2);
    expect(r.err).toContain("U0NOBODY");
    expect(r.err).toContain(`(${LOCAL_USER_ID})`);
    expect(r.out).toBe("");
    // English with --lang en, as the other options.
    const english = await send("--home", "--user", "U0NOBODY", "--lang", "en");
    expect(english.code).toBe(2);
    expect(english.err).toContain("The local Slack has no user U0NOBODY");
  });

  it("--help lists --home", async () => {
    const r = await send("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("--home");
  });
});
