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
