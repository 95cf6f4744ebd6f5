/** Vitest global setup: nothing shared yet; integration suites start their own services. */
export default function setup(): void {}
