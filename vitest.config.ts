import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The fault and scale-out suites are slow by design: `npm run test:faults`.
    exclude: [...configDefaults.exclude, "tests/faults/**"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Each file removes the temp dirs it made, after its own afterAll hooks (hence "stack").
    setupFiles: ["tests/helpers/cleanup.ts"],
    sequence: { hooks: "stack" },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
