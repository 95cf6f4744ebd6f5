/**
 * With Slack credentials and a Slack that takes the connection but never answers, the CLI's
 * name look-ups (users.info, conversations.info) give up by themselves, well before the jobs'
 * 15 s, and the rest of the run asks that Slack nothing more: the names stay IDs.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channelNames, forgetLocalNames, userNames } from "../../src/cli/local-names.ts";
import { tempDir } from "../helpers/store.ts";

/** A TCP server that reads requests and never answers; counts them and the sockets closed. */
function silentServer(): {
  server: Server;
  requests: string[];
  closed: () => number;
  stop: () => Promise<void>;
} {
  const requests: string[] = [];
  let closed = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("data", (chunk) => {
      const line = /^POST (\S+)/m.exec(chunk.toString("latin1"));
      if (line?.[1]) requests.push(line[1]);
    });
    socket.on("close", () => {
      sockets.delete(socket);
      closed += 1;
    });
  });
  const stop = () =>
    new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    });
  return { server, requests, closed: () => closed, stop };
}

describe("name look-ups when Slack does not answer", () => {
  const silent = silentServer();
  let config: Parameters<typeof userNames>[0];

  beforeAll(async () => {
    await new Promise<void>((done) => silent.server.listen(0, "127.0.0.1", done));
    const { port } = silent.server.address() as { port: number };
    config = {
      dataDir: tempDir(),
      slack: { mode: "slack", botToken: "xoxb-test", apiUrl: `http://127.0.0.1:${port}/api/` },
    };
    forgetLocalNames();
  });

  afterAll(async () => {
    forgetLocalNames();
    await silent.stop();
  });

  // The look-up client's own timeout ends the wait (3 s); the jobs' 15 s would outlast this limit.
  it("gives up on its own, once per name, and asks nothing after", {
    timeout: 12_000,
  }, async () => {
    const people = await userNames(config, ["U0ANNA001", "U0PETER01"]);
    expect(people.size).toBe(0);
    expect(silent.requests.sort()).toEqual(["/api/users.info", "/api/users.info"]);
    // The client hung up: no retry, and no connection left waiting.
    await vi.waitFor(() => expect(silent.closed()).toBe(2));
    const channels = await channelNames(config, "<#C0IEM0001>");
    expect(channels.size).toBe(0);
    expect(silent.requests).toHaveLength(2);
  });
});
