/**
 * `npm run slack` names people and conversations as a fresh user does (fresh-user findings):
 * `--user anna` / `--user @anna` act as the local Slack's anna, as `--channel` takes a name;
 * `--user anna --channel <someone else's DM with the app>` is refused (only that person can type
 * there, as in Slack); `--home --channel …` is refused (the Home tab is no channel's); a refused
 * `--channel` names the acting person's own DM with the app by its ID. Against the real app in
 * local mode and its emulator.
 */
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { localSlackHooks, sendCli } from "../helpers/local-slack.ts";

let app: Running;
let emulator: Emulator;
let dataDir: string;

const send = (...argv: string[]) => sendCli(dataDir, argv);

localSlackHooks((local) => ({ app, emulator, dataDir } = local));

/** Adds a person to the local Slack; their user ID. */
async function addUser(name: string): Promise<string> {
  const added = await send("--add-user", name);
  const id = /\((U0LOCAL\d\d)\)/u.exec(added.out)?.[1] ?? "";
  expect(id).not.toBe("");
  return id;
}

describe("npm run slack: --user by name, DMs and --home", { timeout: 60_000 }, () => {
  it("--user anna and --user @anna act as anna; a name nobody has is refused", async () => {
    expect(app).toBeDefined();
    const id = await addUser("anna");
    for (const user of ["anna", "@anna", id]) {
      const r = await send("--user", user, "--lang", "en");
      expect(r.code).toBe(0);
      expect(r.out).toContain("@anna:");
    }
    expect((await send("--user", "@anna", "/institution")).code).toBe(0);
    const r = await send("--user", "berta", "/institution");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Lokālajā Slack lietotāja berta nav; tajā ir: ");
    expect(r.err).toContain(`@anna (${id})`);
  });

  it("another person's DM with the app is refused; one's own is used", async () => {
    const id = await addUser("dace");
    const dm = `D${id.slice(1)}`;
    const before = emulator.calls.length;
    const r = await send("--user", id, "--channel", "D0LOCAL01", "/institution");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("D0LOCAL01 ir lietotnes tiešās ziņas ar @");
    expect(r.err).toContain(`@dace tur rakstīt nevar`);
    expect(r.err).toContain(`ir kanālā ${dm}.`);
    expect(emulator.calls.slice(before).some((c) => c.method.startsWith("chat."))).toBe(false);
    const en = await send("--lang", "en", "--user", "dace", "--channel", "D0LOCAL01", "/task 14");
    expect(en.code).toBe(2);
    expect(en.err).toContain("@dace's direct messages with the app are in");
    expect((await send("--user", "dace", "--channel", dm, "/institution")).code).toBe(0);
    expect((await send("--channel", "D0LOCAL01", "/institution")).code).toBe(0);
  });

  it("--home with --channel is refused, not silently ignored", async () => {
    const r = await send("--home", "--channel", "C0LOCAL09");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--channel C0LOCAL09 ar to neder");
    const en = await send("--lang", "en", "--home", "--channel", "C0LOCAL01");
    expect(en.code).toBe(2);
    expect(en.err).toContain("--channel C0LOCAL01 does not apply to it");
  });

  it("a --channel the local Slack lacks names the person's own DM by its ID", async () => {
    const r = await send("--channel", "C0NOPE001", "/institution");
    expect(r.code).toBe(2);
    expect(r.err).toContain("lietotnes tiešās ziņas jums ir kanālā D0LOCAL01.");
    expect(r.err).not.toContain("D…");
    const id = await addUser("elza");
    const en = await send("--lang", "en", "--user", "elza", "--channel", "C0NOPE001", "/task 14");
    expect(en.err).toContain(`the app's direct messages to you are in D${id.slice(1)}.`);
    const history = await send("--history", "--channel", "C0NOPE001");
    expect(history.err).toContain("lietotnes tiešās ziņas jums ir kanālā D0LOCAL01,");
  });
});
