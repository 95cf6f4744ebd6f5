/**
 * Environment for the app's processes the tests start: `DOTENV_CONFIG_PATH` names a file that
 * does not exist, so a developer's `.env` in the project (the README's walkthrough writes one)
 * cannot change what a test runs (see `readEnvFile` in src/config.ts).
 */
export const NO_ENV_FILE = { DOTENV_CONFIG_PATH: "/nonexistent/koordinators-tests.env" } as const;
