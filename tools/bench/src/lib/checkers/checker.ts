import type { ViolationKind } from '@alphaswarm/policy';
import type { Command } from '../measure-command.js';

/**
 * What a checker reported, reduced to what can be compared with the ground truth: the file, and
 * where the tool says, the line, column, kind and target.
 */
export interface Finding {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly kind?: ViolationKind;
  readonly target?: string;
}

/** One boundary checker as the bench runs it in a generated workspace. */
export interface Checker {
  /** Stable id (`boundaries-cold`, `eslint-nx`, …). */
  readonly id: string;
  /** What the table calls it. */
  readonly label: string;
  /** What it cannot express of the policy, in a sentence; said in the table instead of leaving the tool out. */
  readonly limits: string;
  /** Untimed set-up in the workspace (configuration files, a cached graph); throws when the tool cannot run here. */
  prepare?(workspace: string): void;
  /** Untimed step before each timed run (`run` counts from 0): clear a cache, change a file. */
  beforeRun?(workspace: string, run: number): void;
  command(workspace: string): Command;
  /** The violations it reported, from a run's output; throws when the run failed (not merely found violations). */
  findings(run: { readonly status: number; readonly stdout: string; readonly stderr: string }, workspace: string): Finding[];
}
