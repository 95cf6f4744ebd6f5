/**
 * The local Slack's own person is named as a person (`@sekretars`), not like its channel
 * (#darba-grupa), and a local workspace saved with the earlier default name (`darba.grupa`)
 * still loads: same people, channels and messages, the local user under the new name. The real
 * app in local mode, `npm run slack` next to it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCAL_CHANNEL_ID, LOCAL_USER_ID } from "../../src/config.ts";
import type { WorkspaceSnapshot } from "../../src/emulator/workspace.ts";
import { startLocalApp } from "../helpers/app.ts";
import { sendCli } from "../helpers/local-slack.ts";
import { tempDir } from "../helpers/store.ts";

describe("the local user's name", { timeout: 60_000 }, () => {
  it("is @sekretars, unlike any channel, in what npm run slack prints", async () => {
    const dataDir = tempDir();
    const app = await startLocalApp({ workgroupChannelId: null, dataDir });
    try {
      const emulator = app.emulator;
      if (!emulator) throw new Error("local mode starts an emulator");
      expect(emulator.user(LOCAL_USER_ID)?.name).toBe("sekretars");
      const channel = emulator.channel(LOCAL_CHANNEL_ID)?.name ?? "";
      expect(channel).toBe("darba-grupa");
      expect(channel.replace(/[-_.]/gu, "")).not.toBe("sekretars");
      const set = await sendCli(dataDir, ["/institution set LM <#C0LOCAL01> <@U0LOCAL01>"]);
      expect(set.code).toBe(0);
      const shown = await sendCli(dataDir, ["/institution LM"]);
      expect(shown.out).toContain("#darba-grupa");
      expect(shown.out).toContain("@sekretars");
      expect(shown.out).not.toContain("darba.grupa");
    } finally {
      await app.stop();
    }
  });

  it("a workspace saved with the old default name loads, its messages kept, the user renamed", async () => {
    const dataDir = tempDir();
    const file = join(dataDir, "local-workspace.json");
    const first = await startLocalApp({ workgroupChannelId: null, dataDir });
    first.emulator?.postAsUser({
      channelId: LOCAL_CHANNEL_ID,
      userId: LOCAL_USER_ID,
      text: "sveiki",
    });
    await first.stop();
    // As an earlier run left it: the local user named like the channel.
    const saved = JSON.parse(readFileSync(file, "utf8")) as WorkspaceSnapshot;
    const user = saved.users.find((u) => u.id === LOCAL_USER_ID);
    if (!user) throw new Error("the saved workspace has the local user");
    user.name = "darba.grupa";
    writeFileSync(file, JSON.stringify(saved));

    const second = await startLocalApp({ workgroupChannelId: null, dataDir });
    try {
      const emulator = second.emulator;
      expect(emulator?.user(LOCAL_USER_ID)?.name).toBe("sekretars");
      expect(emulator?.messagesIn(LOCAL_CHANNEL_ID).map((m) => m.text)).toContain("sveiki");
      const history = await sendCli(dataDir, ["--history"]);
      expect(history).toMatchObject({ code: 0, err: "" });
      expect(history.out).toContain("sveiki");
      expect(history.out).toContain("@sekretars");
      expect(history.out).not.toContain("darba.grupa");
    } finally {
      await second.stop();
    }
  });
});
