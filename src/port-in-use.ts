import { createServer } from "node:net";

/**
 * Thrown by `start` (main.ts) when another process holds PORT (Node's EADDRINUSE is its `cause`).
 * The message is English (logs, callers that are not the CLI); the CLI says it in the
 * console's language from `port`.
 */
export class PortInUseError extends Error {
  constructor(
    /** The port asked for (PORT). */
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(
      `Port ${port} is already in use (another app, or another Koordinators). Set PORT to a free port, or stop the other process.`,
      options,
    );
    this.name = "PortInUseError";
  }
}

/**
 * Fails fast when another process holds `port`: binds it as the app's HTTP server would (every
 * interface) and lets go at once, so `start` can refuse before it starts a private Redis or
 * migrates the store. Port 0 (any free port) is never taken. Only EADDRINUSE refuses: any other
 * bind error (EACCES for a port below 1024) is left for the real start to report.
 * A process taking the port between this check and the app's own bind still gets
 * PortInUseError from the app's start.
 * @throws PortInUseError when the port is in use.
 */
export async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) => resolve(e));
    probe.listen(port, () => probe.close(() => resolve(null)));
  });
  if (error?.code === "EADDRINUSE") throw new PortInUseError(port, { cause: error });
}
