import type { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { uploadFile } from "../../src/digest/upload.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { apiError, startEmulator, webClient } from "./support.ts";

let emulator: Emulator;
let client: WebClient;

beforeAll(async () => {
  emulator = await startEmulator();
  client = webClient(emulator);
});
beforeEach(() => {
  emulator.reset();
  emulator.addChannel({ id: "C0WG", name: "darba-grupa" });
  emulator.addChannel({ id: "C0OUT", name: "outside", botIsMember: false });
});
afterAll(async () => {
  await emulator.stop();
});

describe("files.getUploadURLExternal → upload → files.completeUploadExternal", () => {
  it("validates the arguments like Slack", async () => {
    expect(
      (await apiError(client.files.getUploadURLExternal({ filename: "a.png", length: 0 }))).error,
    ).toBe("missing_argument");
    const noName = await apiError(client.apiCall("files.getUploadURLExternal", { length: 10 }));
    expect(noName.error).toBe("invalid_arguments");
    const badLength = await apiError(
      client.apiCall("files.getUploadURLExternal", { filename: "a", length: "x" }),
    );
    expect(badLength.error).toBe("invalid_arguments");
    const missing = await apiError(
      client.files.completeUploadExternal({ files: [{ id: "F0NOPE" }] }),
    );
    expect(missing.error).toBe("file_not_found");
  });

  it("takes raw bytes, shares the file into a thread and keeps the bytes", async () => {
    const parent = await client.chat.postMessage({ channel: "C0WG", text: "kopsavilkums" });
    const bytes = new Uint8Array([1, 2, 3, 250, 251]);
    const id = await uploadFile(
      client,
      { filename: "x.bin", title: "X", bytes },
      { channelId: "C0WG", threadTs: String(parent.ts) },
    );
    const file = emulator.files.get(id);
    expect(file?.bytes && [...file.bytes]).toEqual([1, 2, 3, 250, 251]);
    const url = `${emulator.url}/files/${id}/x.bin`;
    const auth = { authorization: `Bearer ${emulator.botToken}` };
    const download = await fetch(url, { headers: auth });
    expect([...new Uint8Array(await download.arrayBuffer())]).toEqual([1, 2, 3, 250, 251]);
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(403);
    await anonymous.arrayBuffer();
    expect(file?.shares).toEqual([
      { channel: "C0WG", ts: expect.any(String), threadTs: parent.ts },
    ]);
    const share = emulator.messagesIn("C0WG").find((m) => m.subtype === "file_share");
    expect(share).toMatchObject({
      thread_ts: parent.ts,
      files: [{ id, name: "x.bin", title: "X" }],
    });
    const replies = await client.conversations.replies({ channel: "C0WG", ts: String(parent.ts) });
    const kinds = replies.messages?.map((m) => (m as { subtype?: string }).subtype ?? "message");
    expect(kinds).toEqual(["message", "file_share"]);
  });

  it("takes multipart form data too (as WebClient's filesUploadV2 sends it)", async () => {
    const result = await client.filesUploadV2({
      channel_id: "C0WG",
      filename: "a.txt",
      content: "sveiki, āčē",
    });
    const uploaded = [...emulator.files.values()];
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]?.bytes?.toString("utf8")).toBe("sveiki, āčē");
    expect(result.ok).toBe(true);
  });

  it("refuses a wrong length, a channel the bot is not in, and an unknown upload URL", async () => {
    const slot = await client.files.getUploadURLExternal({ filename: "a.bin", length: 3 });
    const short = await fetch(String(slot.upload_url), {
      method: "POST",
      body: new Uint8Array([1]),
    });
    expect(short.status).toBe(400);
    await short.arrayBuffer();
    const ok = await fetch(String(slot.upload_url), {
      method: "POST",
      body: new Uint8Array([1, 2, 3]),
    });
    expect(await ok.text()).toBe("OK - 3");
    const out = await apiError(
      client.files.completeUploadExternal({
        files: [{ id: String(slot.file_id) }],
        channel_id: "C0OUT",
      }),
    );
    expect(out.error).toBe("not_in_channel");
    const unknown = await fetch(`${emulator.url}/upload/F0NOPE`, { method: "POST", body: "x" });
    expect(unknown.status).toBe(404);
    await unknown.arrayBuffer();
  });
});
