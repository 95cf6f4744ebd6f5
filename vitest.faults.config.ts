import { defineConfig } from "vitest/config";

/**
 * `npm run test:faults`: the fault and scale-out suites (tests/faults). Slow by design (child
 * processes killed and restarted, Redis stopped), so never part of `npm test`. Files run one
 * at a time: they kill processes and stop servers, and timing-sensitive faults should not
 * compete with each other for the machine's two cores.
 */
export default defineConfig({
  test: {
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Each file removes the temp dirs it made, after its own afterAll hooks (hence "stack").
    setupFiles: ["tests/helpers/cleanup.ts"],
    sequence: { hooks: "stack" },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
