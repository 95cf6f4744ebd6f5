/**
 * Vitest setup file (`setupFiles` in vitest.config.ts and vitest.faults.config.ts): every test
 * file removes the temp directories it made with `tempDir` (SQLite files, private Redis data,
 * local Slack files) when it ends. Registered before the file's own hooks, this `afterAll`
 * runs after them (`sequence.hooks: "stack"`, vitest's default, set explicitly in both
 * configs), i.e. once the file has stopped the apps, servers and child processes using them.
 */
import { afterAll } from "vitest";
import { removeTempDirs } from "./store.ts";

afterAll(() => {
  const left = removeTempDirs();
  if (left.length > 0) process.stderr.write(`could not remove temp dirs: ${left.join(", ")}\n`);
});
