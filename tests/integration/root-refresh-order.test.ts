/**
 * Refreshes of one thread's root never overlap, so a slow chat.update of an older refresh
 * cannot land after a newer one and show older replies. Through the real app (signed Events
 * API replies, the real worker and queue) against the emulator, with a small HTTP relay in
 * front of it standing in for a slow network: it holds the root's first chat.update (the
 * refresh after the first reply) until the second reply's refresh has been asked for — folded
 * into the running one — or has itself reached Slack (as two overlapping jobs would). The root
 * must end showing the newer reply, and the second chat.update must leave only after the first
 * was answered. Waits on log lines and the relay's records, never on time.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

const FIRST = "14: Pirmā atbilde – pārbaudes sāktas.";
const SECOND = "14: Otrā atbilde – pārbaudes pabeigtas.";

/** One chat.update of the root as the relay saw it: when it came in and when it was answered. */
interface Passage {
  order: number;
  answered: number | null;
}

/**
 * An HTTP relay to the emulator's Web API that holds the first chat.update of `rootTs` until
 * `release()`; it numbers every root chat.update it receives and answers.
 */
class Relay {
  readonly passages: Passage[] = [];
  private step = 0;
  private releaseFirst: () => void = () => {};
  private readonly firstHeld = new Promise<void>((resolve) => {
    this.releaseFirst = resolve;
  });
  private readonly listeners = new Set<() => void>();
  server: Server | null = null;
  url = "";

  constructor(
    private readonly target: string,
    private readonly rootTs: () => string,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.forward(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        },
        (error: unknown) => {
          res.writeHead(502);
          res.end(String(error));
        },
      );
    });
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  release(): void {
    this.releaseFirst();
  }

  /** Resolves when `ok()` holds, checked after each root chat.update comes in or is answered. */
  until(ok: () => boolean, timeoutMs = 20_000): Promise<void> {
    if (ok()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`relay: condition not met; passages ${JSON.stringify(this.passages)}`));
      }, timeoutMs);
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async forward(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = (req.url ?? "").replace(/^\/api\//, "");
    let passage: Passage | null = null;
    if (path.startsWith("chat.update") && this.isRoot(body, String(req.headers["content-type"]))) {
      passage = { order: this.step++, answered: null };
      this.passages.push(passage);
      this.notify();
      if (passage.order === 0) await this.firstHeld;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === "string" && !["host", "content-length", "connection"].includes(k))
        headers[k] = v;
    const upstream = await fetch(`${this.target}${path}`, {
      method: req.method ?? "POST",
      headers,
      ...(req.method === "GET" ? {} : { body }),
    });
    const out = Buffer.from(await upstream.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(k))
        outHeaders[k] = v;
    });
    if (passage) {
      passage.answered = this.step++;
      // Notified after the answer is sent, so the emulator holds the update by then.
      setImmediate(() => this.notify());
    }
    return { status: upstream.status, headers: outHeaders, body: out };
  }

  private isRoot(body: Buffer, type: string): boolean {
    const text = body.toString("utf8");
    const ts = type.includes("json")
      ? String((JSON.parse(text) as { ts?: unknown }).ts)
      : new URLSearchParams(text).get("ts");
    return ts === this.rootTs();
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

let emulator: Emulator;
let relay: Relay;
let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture | undefined;

beforeAll(async () => {
  emulator = await startEmulator();
  relay = new Relay(emulator.apiUrl, () => f?.threadTs ?? "");
  await relay.start();
  logs = watchLogs("debug");
  // The app's Web API calls (the worker's too) go through the relay; the test's own do not.
  t = await startTestApp({
    emulator,
    logger: logs.logger,
    config: {
      slack: {
        mode: "http",
        botToken: emulator.botToken,
        signingSecret: "test-secret-1234",
        appToken: null,
        apiUrl: relay.url,
      },
    },
  });
  addPeople(emulator);
  f = await reminderThread(
    { db: t.app.db, emulator },
    { code: "LM", channel: "C0LMORDER", tasks: ["14"] },
  );
});
afterAll(async () => {
  await t?.stop();
  await relay?.stop();
  await emulator?.stop();
});

async function reply(text: string): Promise<void> {
  if (!f) throw new Error("no thread");
  const { ts } = await t.slack.userMessage({
    channelId: f.channel,
    threadTs: f.threadTs,
    text,
    userId: PEOPLE.anna,
  });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts);
}

function rootNow(): string {
  const root = emulator.messagesIn(f?.channel ?? "").find((m) => m.ts === f?.threadTs);
  return JSON.stringify(root?.blocks ?? []);
}

describe("refreshes of one thread's root", { timeout: 40_000 }, () => {
  it("never overlap: the root ends showing the newer reply though the older update was slow", async () => {
    await reply(FIRST);
    // The first refresh has read the store and its chat.update is held on the way to Slack.
    await relay.until(() => relay.passages.length === 1);
    await reply(SECOND);
    // Release it once the second refresh was folded into the running one (one at a time), or
    // once the second update reached Slack and was answered anyway (what two overlapping jobs did).
    const folded = logs.waitFor(
      (l) => l.msg === "root refresh queued" && l.job !== l.asked,
      20_000,
    );
    const overtook = relay.until(() => relay.passages[1]?.answered != null);
    await Promise.race([folded, overtook]);
    relay.release();

    await relay.until(
      () => relay.passages.length === 2 && relay.passages.every((p) => p.answered !== null),
    );
    const root = rootNow();
    expect(root).toContain("Otrā atbilde – pārbaudes pabeigtas.");
    expect(root).not.toContain("Pirmā atbilde");
    const [older, newer] = relay.passages;
    // The second update left only after the first was answered.
    expect(newer?.order).toBeGreaterThan(older?.answered ?? Number.POSITIVE_INFINITY);
  });
});
