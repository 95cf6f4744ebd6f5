import { describe, expect, it } from "vitest";
import { type ChannelInfoClient, checkChannel } from "../../commands/institution-channel.ts";

/** A fake of Slack's Web API (the process boundary): `info` answers as given. */
function slack(info: () => Promise<unknown>): ChannelInfoClient {
  return { conversations: { info } } as unknown as ChannelInfoClient;
}

describe("checkChannel", () => {
  it("Slack unreachable (the call fails, or hangs past the limit): unchecked, never a throw", async () => {
    const refused = slack(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:9")));
    expect(await checkChannel(refused, "C0LM")).toBe("unchecked");
    const hanging = slack(() => new Promise(() => {}));
    expect(await checkChannel(hanging, "C0LM", 50)).toBe("unchecked");
  });

  it("reads is_member and is_archived; no client (the CLI) asks nothing", async () => {
    const out = slack(async () => ({ ok: true, channel: { id: "C0LM", is_member: false } }));
    expect(await checkChannel(out, "C0LM")).toBe("not_member");
    const old = slack(async () => ({ ok: true, channel: { id: "C0LM", is_archived: true } }));
    expect(await checkChannel(old, "C0LM")).toBe("archived");
    const fine = slack(async () => ({ ok: true, channel: { id: "C0LM", is_member: true } }));
    expect(await checkChannel(fine, "C0LM")).toBe("ok");
    expect(await checkChannel(undefined, "C0LM")).toBeNull();
  });
});
