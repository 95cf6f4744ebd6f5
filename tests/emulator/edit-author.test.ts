/**
 * Who may change a message, as Slack decides it: chat.update only by the message's author
 * (cant_update_message, https://docs.slack.dev/reference/methods/chat.update), chat.delete by
 * the author or a workspace admin (cant_delete_message,
 * https://docs.slack.dev/reference/methods/chat.delete). Through the emulator's HTTP APIs: a
 * person's edit or deletion (control API, `userId` = who acts, required: never assumed to be the
 * author) and the bot's Web API calls.
 */
import type { WebClient } from "@slack/web-api";
import { beforeEach, describe, expect, it } from "vitest";
import { createSlackClient } from "../../src/emulator/client.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { apiError, emulatorHooks, control as postControl } from "./support.ts";

let emulator: Emulator;
let web: WebClient;
const C = "C0LOCAL01";
const [ANNA, JURIS, ADMIN] = ["U0LOCAL02", "U0LOCAL03", "U0LOCAL04"];

emulatorHooks((suite) => ({ emulator, web } = suite));

/** The control API's POST /_emulator/<route> on this suite's emulator. */
const control = (route: string, body: Record<string, unknown>) =>
  postControl(emulator, route, body);

let annaTs: string;

beforeEach(async () => {
  await control("users", { id: ANNA, name: "anna" });
  await control("users", { id: JURIS, name: "juris" });
  await control("users", { id: ADMIN, name: "admins", isAdmin: true });
  const sent = await control("messages", { channelId: C, userId: ANNA, text: "14: izpildīts" });
  annaTs = String(sent.json.ts);
});

const textOf = (ts: string) => emulator.messagesIn(C).find((m) => m.ts === ts)?.text;

describe("a person's edit: only the author", () => {
  it("another person is refused with cant_update_message, naming the author; nothing changes", async () => {
    const r = await control("message-edits", {
      channelId: C,
      ts: annaTs,
      text: "x",
      userId: JURIS,
    });
    expect(r).toMatchObject({
      status: 400,
      json: { ok: false, error: "cant_update_message", author: ANNA },
    });
    expect(textOf(annaTs)).toBe("14: izpildīts");
    // Not even an admin edits someone else's message.
    const admin = await control("message-edits", {
      channelId: C,
      ts: annaTs,
      text: "y",
      userId: ADMIN,
    });
    expect(admin.json.error).toBe("cant_update_message");
  });

  it("the author edits", async () => {
    const own = await control("message-edits", {
      channelId: C,
      ts: annaTs,
      text: "14: labots",
      userId: ANNA,
    });
    expect(own).toMatchObject({ status: 200, json: { ok: true, message: { text: "14: labots" } } });
    expect(textOf(annaTs)).toBe("14: labots");
  });

  it("without userId is a bad request (who edits is not assumed to be the author); nothing changes", async () => {
    for (const userId of [undefined, ""]) {
      const r = await control("message-edits", { channelId: C, ts: annaTs, text: "5: x", userId });
      expect(r).toMatchObject({ status: 400, json: { ok: false, error: "invalid_request" } });
      expect(r.json.detail).toContain("userId");
    }
    expect(textOf(annaTs)).toBe("14: izpildīts");
  });
});

describe("a person's deletion: the author or a workspace admin", () => {
  it("another person is refused with cant_delete_message; the message stays", async () => {
    const r = await control("message-deletions", { channelId: C, ts: annaTs, userId: JURIS });
    expect(r).toMatchObject({
      status: 400,
      json: { ok: false, error: "cant_delete_message", author: ANNA },
    });
    expect(textOf(annaTs)).toBe("14: izpildīts");
  });

  it("a workspace admin may delete it (users.info says is_admin)", async () => {
    expect((await web.users.info({ user: ADMIN })).user?.is_admin).toBe(true);
    expect((await web.users.info({ user: JURIS })).user?.is_admin).toBe(false);
    const r = await control("message-deletions", { channelId: C, ts: annaTs, userId: ADMIN });
    expect(r.json.ok).toBe(true);
    expect(textOf(annaTs)).toBeUndefined();
  });

  it("without userId is a bad request (who deletes is not assumed to be the author); the message stays", async () => {
    const r = await control("message-deletions", { channelId: C, ts: annaTs });
    expect(r).toMatchObject({ status: 400, json: { ok: false, error: "invalid_request" } });
    expect(r.json.detail).toContain("userId");
    expect(textOf(annaTs)).toBe("14: izpildīts");
  });

  it("the author deletes it", async () => {
    const r = await control("message-deletions", { channelId: C, ts: annaTs, userId: ANNA });
    expect(r.json).toMatchObject({ ok: true, message: { ts: annaTs, user: ANNA } });
    expect(textOf(annaTs)).toBeUndefined();
  });
});

describe("the client's userEdit / userDelete without userId", () => {
  it("act as the client's person, not as the author: refused for juris, in-process and over HTTP", async () => {
    // Refused before any event is sent, so no app listens at appUrl.
    const base = { appUrl: "http://127.0.0.1:9", signingSecret: "s", userId: JURIS, channelId: C };
    for (const backend of [emulator, { url: emulator.url }]) {
      const juris = createSlackClient({ ...base, emulator: backend });
      await expect(juris.userEdit({ ts: annaTs, text: "x" })).rejects.toMatchObject({
        code: "cant_update_message",
      });
      await expect(juris.userDelete({ ts: annaTs })).rejects.toMatchObject({
        code: "cant_delete_message",
      });
    }
    expect(textOf(annaTs)).toBe("14: izpildīts");
  });
});

describe("the bot's chat.update / chat.delete", () => {
  it("edits and deletes its own messages, as the app does with its reminder roots", async () => {
    const root = String((await web.chat.postMessage({ channel: C, text: "Atgādinājums" })).ts);
    const updated = await web.chat.update({ channel: C, ts: root, text: "Atgādinājums (5/14)" });
    expect(updated.ok).toBe(true);
    expect(textOf(root)).toBe("Atgādinājums (5/14)");
    expect((await web.chat.delete({ channel: C, ts: root })).ok).toBe(true);
  });

  it("is refused on a person's message: cant_update_message, cant_delete_message", async () => {
    const update = web.chat.update({ channel: C, ts: annaTs, text: "x" });
    expect(await apiError(update)).toMatchObject({ error: "cant_update_message" });
    expect(await apiError(web.chat.delete({ channel: C, ts: annaTs }))).toMatchObject({
      error: "cant_delete_message",
    });
    expect(textOf(annaTs)).toBe("14: izpildīts");
  });
});
