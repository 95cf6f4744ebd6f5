/**
 * `/task N` through the signed HTTP endpoint, against a floor measured in the same run: a bare
 * Bolt app (same Bolt version, same receiver) that answers `/task` with a static text.
 * Prints a Markdown table and writes bench/results/task-endpoint.json.
 * Run: `npm run bench` (all) or `npx tsx bench/task-endpoint.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { testConfig } from "../src/config.ts";
import { createSlackClient } from "../src/emulator/client.ts";
import { type Emulator, startEmulator } from "../src/emulator/server.ts";
import { createLogger } from "../src/logger.ts";
import { start } from "../src/main.ts";
import { tempDir } from "../tests/helpers/store.ts";

const SECRET = "bench-signing-secret";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = [1, 10, 50];

interface Result {
  target: string;
  concurrency: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
}

async function run(
  target: string,
  appUrl: string,
  emulator: Emulator,
  concurrency: number,
  numbers: () => string,
): Promise<Result> {
  const client = createSlackClient({ appUrl, signingSecret: SECRET, emulator });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) {
        next++;
        const t0 = performance.now();
        const res = await client.command("/task", numbers());
        if (res.status !== 200) throw new Error(`${target}: HTTP ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    target,
    concurrency,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** The floor: Bolt, the same receiver and Web API (auth.test once), a static answer. */
async function bareBolt(emulator: Emulator): Promise<{ url: string; stop(): Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events" });
  const app = new App({
    receiver,
    logLevel: LogLevel.ERROR,
    token: emulator.botToken,
    clientOptions: { slackApiUrl: emulator.apiUrl },
  });
  app.command("/task", async ({ ack }) => {
    await ack({
      response_type: "ephemeral",
      text: "Uzdevums 14: Uzlabot komersantu, kas sniedz darbiekārtošanas pakalpojumus",
    });
  });
  const server = (await app.start(0)) as import("node:http").Server;
  const address = server.address() as import("node:net").AddressInfo;
  return { url: `http://127.0.0.1:${address.port}`, stop: async () => void (await app.stop()) };
}

async function main(): Promise<void> {
  const emulator = await startEmulator();
  const dir = tempDir("koordinators-bench-");
  const config = testConfig({
    slack: {
      mode: "http",
      botToken: emulator.botToken,
      signingSecret: SECRET,
      appToken: null,
      apiUrl: emulator.apiUrl,
    },
    databaseUrl: join(dir, "bench.db"),
    dataDir: dir,
  });
  const ours = await start(config, { logger: createLogger("silent"), worker: false });
  const floor = await bareBolt(emulator);
  const numbers = ["1", "5", "10.1.2", "13", "14", "17", "26"];
  let i = 0;
  const pick = () => numbers[i++ % numbers.length] ?? "14";
  const results: Result[] = [];
  for (const c of CONCURRENCY) {
    await run("warm-up", floor.url, emulator, c, pick);
    await run("warm-up", ours.url, emulator, c, pick);
    results.push(await run("bare Bolt (floor)", floor.url, emulator, c, pick));
    results.push(await run("Koordinators /task", ours.url, emulator, c, pick));
  }
  await ours.stop();
  await floor.stop();
  await emulator.stop();
  print(results);
}

function print(results: Result[]): void {
  const lines = [
    "| target | concurrency | requests | req/s | p50 ms | p99 ms | vs floor |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of results) {
    const floor = results.find(
      (f) => f.concurrency === r.concurrency && f.target.startsWith("bare"),
    );
    const vs =
      floor && r !== floor
        ? `${((100 * r.rps) / floor.rps).toFixed(0)}% throughput, p99 ${(r.p99 / floor.p99).toFixed(2)}×`
        : "—";
    lines.push(
      `| ${r.target} | ${r.concurrency} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${vs} |`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/task-endpoint.json",
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
  );
}

await main();
