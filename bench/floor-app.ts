/**
 * The floor of the `/task` benchmark, run as its own process: a bare Bolt app (the same Bolt
 * version and HTTPReceiver as the app, the same Web API client setup) that answers `/task`
 * with a static text. Everything the app does beyond this is what the benchmark prices.
 * Env: PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
 */
import type { Server } from "node:http";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  endpoints: "/slack/events",
  processBeforeResponse: false,
});
const app = new App({
  receiver,
  logLevel: LogLevel.ERROR,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command("/task", async ({ ack }) => {
  await ack({
    response_type: "ephemeral",
    text: "Uzdevums 14: Uzlabot komersantu, kas sniedz darbiekārtošanas pakalpojumus",
  });
});
const server = (await app.start(Number(process.env.PORT ?? 0))) as Server;
process.once("SIGTERM", () => {
  server.close();
  process.exit(0);
});
