/**
 * How a docker subcommand is declared. Each command lives in its own file under src/engine/cli/commands/
 * and is listed in src/engine/cli/commands/index.ts. The front end (docker.ts) parses flags pflag-style,
 * prints usage and flag errors the way the docker 28 client does, and calls `run`.
 */
import type { Engine } from '../engine';
import type { CliIO } from '../core/io';

export type FlagType = 'bool' | 'string' | 'stringArray' | 'stringSlice' | 'int' | 'uint' | 'float' | 'duration' | 'bytes' | 'list' | 'map';

export interface FlagSpec {
  /** Long name without dashes: "tag". */
  name: string;
  /** One-letter shorthand without dash: "t". */
  short?: string;
  type: FlagType;
  /** Default as docker's help shows it ("" for none). */
  default?: string | number | boolean;
  /** Help text, as in docker's `--help`. */
  usage: string;
  /** The value name shown in help (e.g. "list", "string", "name"); defaults from the type. */
  valueName?: string;
  hidden?: boolean;
}

export interface CommandSpec {
  /** The canonical path: ["image", "ls"]. */
  path: string[];
  /** Other paths that run the same command: [["images"], ["image", "list"]]. */
  aliases?: string[][];
  /** Docker's usage line without "Usage:  ", e.g. "docker image ls [OPTIONS] [REPOSITORY[:TAG]]". */
  usage: string;
  /** One-line description, as `docker --help` and group help list the command. */
  short: string;
  /** The description `docker <cmd> --help` prints when it is longer than `short` (docker's Long). */
  long?: string;
  flags: FlagSpec[];
  /** Positional argument count rules; violations print docker's "requires ..." message. */
  args?: {
    min?: number;
    max?: number;
    /**
     * Rarely needed: docker.ts generates docker 28's text from min/max (e.g. "docker: 'docker image history'
     * requires 1 argument" + usage + hint). If set, replaces only that first line.
     */
    message?: string;
  };
  /** Replaces the generated `--help` text (a plugin like `docker compose` lists its own subcommands). */
  help?(spec: CommandSpec, invoked: string[], cols: number): string;
  /** Stop parsing flags at the first positional argument (docker run/exec: flags after IMAGE belong to the command). */
  stopAtFirstArg?: boolean;
  run(ctx: CommandContext): Promise<number> | number;
}

export interface ParsedFlags {
  /** Was the flag given on the command line? */
  has(name: string): boolean;
  bool(name: string): boolean;
  string(name: string): string;
  /** Every value of a repeatable flag (stringArray, list, stringSlice: comma-split). */
  strings(name: string): string[];
  int(name: string): number;
}

export interface CommandContext {
  engine: Engine;
  io: CliIO;
  flags: ParsedFlags;
  args: string[];
  /** The full command path as typed, e.g. ["images"] or ["image", "ls"] (for messages that echo it). */
  invokedAs: string[];
  spec: CommandSpec;
}
