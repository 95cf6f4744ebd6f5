/**
 * Runs the real CLI (`node --import tsx src/cli.ts …`, as `npm run cli` does) in a child process
 * with only the environment a test gives (no `.env`, no Slack credentials or Redis of the
 * developer's shell), and never throws on an exit code.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { NO_ENV_FILE } from "../helpers/env.ts";

const run = promisify(execFile);

/** What a CLI run printed and how it ended. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli.ts args` with PATH, HOME and `env` only. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const base = { ...NO_ENV_FILE, PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      { env: { ...base, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}
