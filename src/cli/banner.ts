import type { Locale } from "../config.ts";
import { consoleText } from "../i18n/cli-console.ts";
import type { Running } from "../main.ts";

/** What a person can try first against the local app (the same in every language). */
const LOCAL_TRIES = [
  '  npm run slack -- "/task 14"',
  '  npm run slack -- "/task IEM"',
  '  npm run slack -- --lang en "/task help"',
];

/**
 * The banner `serve` and `worker` print on stdout once the app is up, in `locale`: in local
 * mode where the app and its emulator listen and what to try; with Slack credentials where
 * Slack's requests go (HTTP) or that Socket Mode is connected; for a worker its queue; when
 * `serve` has no queue (Redis unreachable), that reminders are off and how to get Redis. Each
 * ends with how to stop it; blank lines before and after set it apart from the log lines.
 */
export function bannerText(
  running: Pick<Running, "url" | "emulator" | "config"> & Partial<Pick<Running, "queue">>,
  role: "serve" | "worker",
  locale: Locale,
): string {
  const t = consoleText(locale).banner;
  const { url, emulator, config } = running;
  // No queue (Redis unreachable at start): say so here, not only in an English log line.
  const noQueue = role === "serve" && running.queue === null ? ["", ...t.noQueue] : [];
  const lines =
    role === "worker"
      ? [t.worker(config.queuePrefix)]
      : emulator
        ? [...t.local(url, emulator.url), ...LOCAL_TRIES, "", t.real]
        : config.slack.mode === "socket"
          ? t.socket(url)
          : t.http(url);
  return ["", ...lines, ...noQueue, t.stop, ""].join("\n");
}
