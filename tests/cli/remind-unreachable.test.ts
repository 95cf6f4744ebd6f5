/**
 * `npm run cli -- remind --cutoff N --now` when there is nothing to post through: in local mode
 * the app (and its emulator) stopped, leaving its local-slack.json behind; with credentials, a
 * Slack that does not answer, before the first post or in the middle of the run. It must refuse
 * in the operator's language, exit 1, leave every reminder to be sent (none failed, none used
 * up), and later post each of them exactly once.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { listReminders } from "../../db/reminders.ts";
import { localSlackFile, writeLocalSlackFile } from "../../src/emulator/local-file.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { localModeEnv, postsByReminder, spawnCli } from "../faults/support.ts";
import { tempDir } from "../helpers/store.ts";
import { remindStore } from "./remind-support.ts";

const NO_LOCAL_APP_LV =
  "Slack piekļuves dati nav iestatīti, un lokālā lietotne nedarbojas: vispirms palaidiet to ar `npm start`.";
const NO_LOCAL_APP_EN =
  "No Slack credentials and no local app running: start it with `npm start` first.";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The store (see remindStore) with the cut-off titled as a secretary would. */
function store(dir: string, mapped: Record<string, string>) {
  return remindStore(dir, mapped, cleanups, { title: "Informatīvais ziņojums MK" });
}

/** The reminders' states, as `cutoff plan` would show them. */
async function states(db: Db, cutoffId: number) {
  return (await listReminders(db, cutoffId)).map((r) => ({
    id: r.id,
    state: r.state,
    detail: r.detail,
    attempts: r.attempts,
  }));
}

async function run(args: string[], env: Record<string, string>) {
  const cli = spawnCli(args, env);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

/** An emulator that answered once and is gone: what a stopped app leaves its files pointing at. */
async function stoppedEmulator(): Promise<Emulator> {
  const emulator = await startEmulator();
  await emulator.stop();
  return emulator;
}

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("remind --now with no Slack to post through", { timeout: 120_000 }, () => {
  it("local mode, app stopped: refuses as `npm run slack` does, before the store changes", async () => {
    const dir = tempDir();
    const { db, path, cutoffId } = await store(dir, { LM: "C0LOCLM", IEM: "C0LOCIEM" });
    // The stopped app's handshake file stays behind, pointing at an emulator that is gone.
    const gone = await stoppedEmulator();
    await writeLocalSlackFile(
      {
        appUrl: "http://127.0.0.1:9/",
        emulatorUrl: gone.url,
        signingSecret: "local-secret",
        userId: "U0LOCAL01",
        channelId: "C0LOCAL01",
        teamId: "T0LOCAL01",
      },
      localSlackFile(dir),
    );
    const before = await states(db, cutoffId);
    expect(before.length).toBeGreaterThan(0);
    const env = { ...localModeEnv(dir), DATABASE_URL: path, LOG_LEVEL: "warn" };
    const args = ["remind", "--cutoff", String(cutoffId), "--now"];

    const lv = await run(args, env);
    expect(lv.output).toBe(`${NO_LOCAL_APP_LV}\n`);
    expect(lv.code).toBe(1);
    expect(await states(db, cutoffId)).toEqual(before);

    // Again, in English: still nothing used up.
    const en = await run([...args, "--lang", "en"], env);
    expect(en.output).toBe(`${NO_LOCAL_APP_EN}\n`);
    expect(en.code).toBe(1);
    expect(await states(db, cutoffId)).toEqual(before);
  });

  it("Slack credentials, Slack unreachable: one message in the operator's language, nothing changed", async () => {
    const dir = tempDir();
    const { db, path, cutoffId } = await store(dir, { LM: "C0FLM", IEM: "C0FIEM" });
    const gone = await stoppedEmulator();
    const env = {
      ...localModeEnv(dir),
      SLACK_BOT_TOKEN: gone.botToken,
      SLACK_SIGNING_SECRET: "fault-signing-secret",
      SLACK_API_URL: gone.apiUrl,
      DATABASE_URL: path,
      LOG_LEVEL: "warn",
    };
    const before = await states(db, cutoffId);
    const args = ["remind", "--cutoff", String(cutoffId), "--now"];
    const lv = await run(args, env);
    expect(lv.output).toBe(
      `Slack nav sasniedzams (${gone.apiUrl}): nekas nav nosūtīts un nekas nav mainīts. Pārbaudiet tīkla savienojumu un mēģiniet vēlreiz.\n`,
    );
    expect(lv.code).toBe(1);
    const en = await run([...args, "--lang", "en"], env);
    expect(en.output).toBe(
      `Slack cannot be reached (${gone.apiUrl}): nothing was sent and nothing was changed. Check the network connection and try again.\n`,
    );
    expect(en.code).toBe(1);
    expect(await states(db, cutoffId)).toEqual(before);
  });

  it("Slack drops the connection at the first post: stops there, and a later run posts each reminder once", async () => {
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    const channels = { LM: "C0FLM", IEM: "C0FIEM", IZM: "C0FIZM" };
    for (const [code, id] of Object.entries(channels)) {
      emulator.addChannel({ id, name: code.toLowerCase() });
    }
    const { db, path, cutoffId } = await store(dir, channels);
    // Slack as seen through a network that fails every chat.postMessage (the connection is
    // dropped before any answer); every other call reaches the emulator.
    const proxy = await dropPosts(emulator);
    cleanups.push(() => new Promise((resolve) => proxy.server.close(() => resolve())));
    const env = (apiUrl: string) => ({
      ...localModeEnv(dir),
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: "fault-signing-secret",
      SLACK_API_URL: apiUrl,
      DATABASE_URL: path,
      LOG_LEVEL: "warn",
    });
    const args = ["remind", "--cutoff", String(cutoffId), "--now", "--lang", "en"];

    const failed = await run(args, env(proxy.apiUrl));
    expect(failed.code).toBe(1);
    expect(failed.output).not.toContain("A request error occurred");
    expect(failed.output).toContain(
      `Slack cannot be reached (${proxy.apiUrl}): sending stopped; the reminders not sent stay due. Run \`remind --now\` again once Slack can be reached.\n`,
    );
    const after = await listReminders(db, cutoffId);
    expect(after.filter((r) => r.state === "failed" || r.state === "sent")).toEqual([]);
    // The one tried is left "sending" (its post may have gone out), which the next run (or the
    // queued job) looks up in Slack before posting; the others are untouched.
    expect(after.filter((r) => r.state === "sending")).toHaveLength(1);
    expect(failed.output).toMatch(/ {2}not sent: Slack cannot be reached\n/);
    expect(postsByReminder(emulator, cutoffId).size).toBe(0);

    const ok = await run(args, env(emulator.apiUrl));
    expect(ok.code, ok.output).toBe(0);
    const sent = (await listReminders(db, cutoffId)).filter((r) => r.state === "sent");
    expect(new Set(sent.map((r) => r.institutionId)).size).toBe(3);
    const posts = postsByReminder(emulator, cutoffId);
    expect(posts.size).toBe(3);
    for (const r of sent) expect(posts.get(r.id)).toHaveLength(1);
  });
});

/** A Web API endpoint in front of `emulator` whose chat.postMessage connections are dropped. */
async function dropPosts(emulator: Emulator): Promise<{ server: Server; apiUrl: string }> {
  const server = createServer((req, res) => {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    if (method === "chat.postMessage") {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "authorization"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      fetch(`${emulator.apiUrl}${method}`, {
        method: req.method,
        headers,
        body: req.method === "GET" ? undefined : Buffer.concat(chunks),
      }).then(
        async (answer) => {
          res.writeHead(answer.status, { "content-type": "application/json" });
          res.end(await answer.text());
        },
        () => req.socket.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, apiUrl: `http://127.0.0.1:${port}/api/` };
}
