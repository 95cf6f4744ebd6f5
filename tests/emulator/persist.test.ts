import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/store.ts";
import { startEmulator, webClient } from "./support.ts";

const C = "C0LOCAL01";

describe("SlackEmulator.persistTo (the local mode across restarts)", () => {
  it("keeps people, channels and messages, and new ts values continue after the restored ones", async () => {
    const path = join(tempDir(), "workspace.json");
    const first = await startEmulator();
    await first.persistTo(path);
    first.addUser({ id: "U0ANNA001", name: "anna", locale: "lv-LV" });
    first.addChannel({ id: "C0IEM0001", name: "iem" });
    const root = await webClient(first).chat.postMessage({
      channel: "C0IEM0001",
      text: "Atgādinājums",
    });
    const reply = await fetch(`${first.url}/_emulator/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        channelId: "C0IEM0001",
        userId: "U0ANNA001",
        text: "14: izpildīts",
        threadTs: root.ts,
      }),
    }).then((r) => r.json() as Promise<{ ts: string }>);
    await first.stop();

    const second = await startEmulator();
    await second.persistTo(path);
    try {
      expect(second.user("U0ANNA001")?.locale).toBe("lv-LV");
      expect(second.messagesIn("C0IEM0001").map((m) => [m.text, m.thread_ts ?? null])).toEqual([
        ["Atgādinājums", null],
        ["14: izpildīts", root.ts],
      ]);
      const next = await webClient(second).chat.postMessage({ channel: C, text: "vēl" });
      expect(Number(next.ts)).toBeGreaterThan(Number(reply.ts));
    } finally {
      await second.stop();
    }
  });

  it("sets an unreadable file aside and starts empty", async () => {
    const path = join(tempDir(), "workspace.json");
    writeFileSync(path, "{not json");
    const emulator = await startEmulator();
    await emulator.persistTo(path);
    try {
      expect(existsSync(`${path}.unreadable`)).toBe(true);
      expect(emulator.messagesIn(C)).toEqual([]);
    } finally {
      await emulator.stop();
    }
    expect(existsSync(path)).toBe(true);
  });
});
