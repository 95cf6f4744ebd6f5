/**
 * The local client refuses what Slack would: `--user` naming someone the local Slack does not
 * have (Slack only lets its members act), with its people listed and how to add one; `--channel`
 * naming a channel it does not have, with its channels listed and how to add one; and a
 * person's message longer than Slack's 40,000 characters (msg_too_long), nothing sent. Against
 * the real app in local mode and its emulator.
 */
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { MESSAGE_TEXT_MAX } from "../../src/slack/limits.ts";
import { localSlackHooks, sendCli } from "../helpers/local-slack.ts";

let app: Running;
let emulator: Emulator;
let dataDir: string;

const send = (...argv: string[]) => sendCli(dataDir, argv);

localSlackHooks((local) => ({ app, emulator, dataDir } = local));

describe("npm run slack refuses what Slack would", { timeout: 60_000 }, () => {
  it("--user someone the local Slack lacks: refused, its people listed, nobody added", async () => {
    const r = await send("--user", "U0LOCAL99", "/institution");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("Lokālajā Slack lietotāja U0LOCAL99 nav; tajā ir: @");
    expect(r.err).toContain("(U0LOCAL01)");
    expect(r.err).toContain("`npm run slack -- --add-user <vārds>`");
    expect(emulator.user("U0LOCAL99")).toBeUndefined();

    const reply = await send("--lang", "en", "--user", "U0LOCAL99", "--reply", "1.000001", "hi");
    expect(reply.code).toBe(2);
    expect(reply.err).toContain("The local Slack has no user U0LOCAL99");

    const added = await send("--add-user", "anna");
    const id = /\((U0LOCAL\d\d)\)/u.exec(added.out)?.[1] ?? "";
    expect((await send("--user", id, "/institution")).code).toBe(0);
  });

  // A fresh user's finding: --user was checked, --channel was not (the command went to the app
  // as if Slack had such a channel).
  it("--channel the local Slack lacks: refused, its channels listed; a known one or its name is used", async () => {
    const before = emulator.calls.length;
    const r = await send("--channel", "C0NOPE001", "/institution");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("Lokālajā Slack nav kanāla C0NOPE001; tajā ir: #");
    expect(r.err).toContain("(C0LOCAL01)");
    expect(r.err).toContain("`npm run slack -- --add-channel <nosaukums>`");
    // Nothing reached the app: no response_url was answered, nothing posted.
    expect(emulator.calls.slice(before).some((c) => c.method.startsWith("chat."))).toBe(false);

    const en = await send("--lang", "en", "--channel", "C0NOPE001", "/task 14");
    expect(en.code).toBe(2);
    expect(en.err).toContain("The local Slack has no channel C0NOPE001; it has: #");
    expect(en.err).toContain("Add one with `npm run slack -- --add-channel <name>`");

    const added = await send("--add-channel", "lm-darba-grupa");
    const id = /\((C0LOCAL\d\d)\)/u.exec(added.out)?.[1] ?? "";
    expect(id).not.toBe("");
    expect((await send("--channel", id, "/institution")).code).toBe(0);
    expect((await send("--channel", "C0LOCAL01", "/institution")).code).toBe(0);
    // The app's DM with the local user, before the app has written there: Slack has it.
    expect((await send("--channel", "D0LOCAL01", "/institution")).code).toBe(0);
  });

  it("a message past 40,000 characters: refused as msg_too_long, nothing posted", async () => {
    const before = emulator.messagesIn("C0LOCAL01").length;
    const long = "x".repeat(MESSAGE_TEXT_MAX + 1);
    const r = await send("--reply", "1.000001", long);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Ziņa ir par garu: 40001 rakstzīmes");
    expect(r.err).toContain("msg_too_long");
    // Escaping counts: 10,000 "&" are 50,000 characters as Slack's client sends them.
    const amps = await send("--lang", "en", "--reply", "1.000001", "&".repeat(10_000));
    expect(amps.err).toContain("The message is too long: 50000 characters");
    expect(emulator.messagesIn("C0LOCAL01").length).toBe(before);
    expect(() =>
      emulator.postAsUser({ channelId: "C0LOCAL01", userId: "U0LOCAL01", text: long }),
    ).toThrow(/msg_too_long/u);
  });
});
