/**
 * Every docker command Layerlab knows. Each owner adds its commands' files under this folder and ONE line each
 * below (keep it sorted by owner block; see ../README.md "How to add a docker subcommand").
 */
import type { CommandSpec } from '../command';
import { infoCommand } from './info';
import { versionCommand } from './version';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { loginCommand, logoutCommand } from './login';
import { searchCommand } from './search';
import { debugDumpAstCommand } from './debug';

export const commands: CommandSpec[] = [
  // cli
  versionCommand,
  infoCommand,
  // containers
  pullCommand,
  pushCommand,
  loginCommand,
  logoutCommand,
  searchCommand,
  // parser
  debugDumpAstCommand,
];
