/**
 * What the control plane logs through: the structured subset of pino (fastify's logger) it uses.
 * Each call takes the fields first (`workloadId`, `err`, …), then a message.
 */
export interface ControlPlaneLogger {
  /** Something an operator may want to know. */
  info(fields: object, message: string): void;
  /** Something an operator should look at. */
  warn(fields: object, message: string): void;
  /** Something failed. */
  error(fields: object, message: string): void;
}

/** A logger that drops everything, for tests. */
export const silentLogger: ControlPlaneLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
