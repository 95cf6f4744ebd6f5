import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/server.ts";
import { apiError, emulatorHooks } from "./support.ts";

let emulator: Emulator;
let web: WebClient;
const C = "C0LOCAL01";

emulatorHooks((suite) => ({ emulator, web } = suite));

describe("conversations.replies and conversations.history", () => {
  it("pages a thread with cursor and limit, parent first", async () => {
    const parent = await web.chat.postMessage({ channel: C, text: "Reminder: task 14" });
    const thread = parent.ts as string;
    const replies = ["one", "two", "three", "four"].map((text) =>
      emulator.postAsUser({ channelId: C, userId: "U0LOCAL01", text, threadTs: thread }),
    );
    const first = await web.conversations.replies({ channel: C, ts: thread, limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(["Reminder: task 14", "one"]);
    expect(first.has_more).toBe(true);
    const cursor = first.response_metadata?.next_cursor as string;
    expect(cursor).not.toBe("");
    const second = await web.conversations.replies({ channel: C, ts: thread, limit: 2, cursor });
    expect(second.messages?.map((m) => m.text)).toEqual(["two", "three"]);
    const all: string[] = [];
    for await (const page of web.paginate("conversations.replies", {
      channel: C,
      ts: thread,
      limit: 2,
    })) {
      all.push(...((page as { messages?: { text: string }[] }).messages ?? []).map((m) => m.text));
    }
    expect(all).toEqual(["Reminder: task 14", "one", "two", "three", "four"]);
    const fromReply = await web.conversations.replies({ channel: C, ts: replies[1] as string });
    expect(fromReply.messages).toHaveLength(5);
  });

  it("answers thread_not_found and invalid_cursor", async () => {
    expect((await apiError(web.conversations.replies({ channel: C, ts: "1.000001" }))).error).toBe(
      "thread_not_found",
    );
    const posted = await web.chat.postMessage({ channel: C, text: "x" });
    const bad = web.conversations.replies({
      channel: C,
      ts: posted.ts as string,
      cursor: "bm9wZQ==",
    });
    expect((await apiError(bad)).error).toBe("invalid_cursor");
  });

  it("lists history newest first with oldest/latest bounds and paging", async () => {
    const ts: string[] = [];
    for (const text of ["a", "b", "c", "d"]) {
      ts.push((await web.chat.postMessage({ channel: C, text })).ts as string);
    }
    const page = await web.conversations.history({ channel: C, limit: 3 });
    expect(page.messages?.map((m) => m.text)).toEqual(["d", "c", "b"]);
    const rest = await web.conversations.history({
      channel: C,
      limit: 3,
      cursor: page.response_metadata?.next_cursor,
    });
    expect(rest.messages?.map((m) => m.text)).toEqual(["a"]);
    expect(rest.has_more).toBe(false);
    const bounded = await web.conversations.history({ channel: C, oldest: ts[0], latest: ts[3] });
    expect(bounded.messages?.map((m) => m.text)).toEqual(["c", "b"]);
    const inclusive = await web.conversations.history({
      channel: C,
      oldest: ts[0],
      latest: ts[3],
      inclusive: true,
    });
    expect(inclusive.messages).toHaveLength(4);
  });

  it("describes channels with conversations.info", async () => {
    const result = await web.conversations.info({ channel: C });
    expect(result.channel).toMatchObject({
      id: C,
      name: "general",
      is_member: true,
      is_channel: true,
    });
    expect((await apiError(web.conversations.info({ channel: "C404" }))).error).toBe(
      "channel_not_found",
    );
  });
});

describe("users.info and auth.test", () => {
  it("gives the locale only with include_locale", async () => {
    emulator.addUser({ id: "U0LV", name: "janis.berzins", locale: "lv-LV", tz: "Europe/Riga" });
    const withLocale = await web.users.info({ user: "U0LV", include_locale: true });
    expect(withLocale.user).toMatchObject({
      id: "U0LV",
      name: "janis.berzins",
      locale: "lv-LV",
      tz: "Europe/Riga",
    });
    expect([7200, 10800]).toContain(withLocale.user?.tz_offset);
    const without = await web.users.info({ user: "U0LV" });
    expect(without.user).not.toHaveProperty("locale");
    expect((await apiError(web.users.info({ user: "U404" }))).error).toBe("user_not_found");
  });

  it("identifies the bot", async () => {
    const result = await web.auth.test();
    expect(result).toMatchObject({
      team_id: emulator.identity.teamId,
      user_id: emulator.identity.botUserId,
      bot_id: emulator.identity.botId,
      url: `${emulator.url}/`,
    });
  });
});

describe("views", () => {
  const modal = {
    type: "modal" as const,
    callback_id: "reply_modal",
    title: { type: "plain_text" as const, text: "Progress" },
    submit: { type: "plain_text" as const, text: "Send" },
    blocks: [
      {
        type: "input" as const,
        block_id: "progress",
        label: { type: "plain_text" as const, text: "Progress" },
        element: { type: "plain_text_input" as const, action_id: "text" },
      },
    ],
  };

  it("opens a modal once per trigger_id and refuses unknown triggers", async () => {
    const trigger = emulator.triggerId("U0LOCAL01");
    const opened = await web.views.open({ trigger_id: trigger, view: modal });
    expect(opened.view).toMatchObject({ callback_id: "reply_modal", type: "modal" });
    const id = opened.view?.id as string;
    expect(emulator.views.get(id)?.userId).toBe("U0LOCAL01");
    expect((await apiError(web.views.open({ trigger_id: trigger, view: modal }))).error).toBe(
      "expired_trigger_id",
    );
    expect((await apiError(web.views.open({ trigger_id: "1.2.abc", view: modal }))).error).toBe(
      "expired_trigger_id",
    );
  });

  it("refuses invalid views with invalid_arguments and messages", async () => {
    const bad = {
      ...modal,
      title: { type: "plain_text" as const, text: "A title far too long for Slack" },
    };
    const data = await apiError(web.views.open({ trigger_id: emulator.triggerId(), view: bad }));
    expect(data).toMatchObject({
      error: "invalid_arguments",
      response_metadata: {
        messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
      },
    });
  });

  it("updates by view_id with hash checks and publishes Home tabs", async () => {
    const opened = await web.views.open({ trigger_id: emulator.triggerId(), view: modal });
    const id = opened.view?.id as string;
    const updated = await web.views.update({ view_id: id, hash: opened.view?.hash, view: modal });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    const stale = web.views.update({ view_id: id, hash: opened.view?.hash, view: modal });
    expect((await apiError(stale)).error).toBe("hash_conflict");
    const home = { type: "home" as const, blocks: [{ type: "divider" as const }] };
    await web.views.publish({ user_id: "U0LOCAL01", view: home });
    expect(emulator.homeView("U0LOCAL01")?.view.blocks).toEqual([{ type: "divider" }]);
  });
});

describe("conversations.list", () => {
  it("lists the workspace's channels by id and name, direct messages left out", async () => {
    const dm = await web.conversations.open({ users: "U0LOCAL01" });
    const listed = await web.conversations.list({});
    const ids = (listed.channels ?? []).map((c) => c.id);
    expect(listed.channels?.find((c) => c.id === C)?.name).toBeTruthy();
    expect(ids).not.toContain(dm.channel?.id);
  });
});
