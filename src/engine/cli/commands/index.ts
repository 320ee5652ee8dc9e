/**
 * Every docker command Layerlab knows: one file per command under this folder and ONE line each below, grouped
 * by area (see ../README.md "How to add a docker subcommand").
 */
import type { CommandSpec } from '../command';
import { infoCommand } from './info';
import { versionCommand } from './version';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { loginCommand, logoutCommand } from './login';
import { searchCommand } from './search';
import { runCommand, createCommand } from './run';
import { startCommand } from './start';
import { stopCommand } from './stop';
import { restartCommand } from './restart';
import { killCommand } from './kill';
import { rmCommand } from './rm';
import { renameCommand } from './rename';
import { psCommand } from './ps';
import { logsCommand } from './logs';
import { execCommand } from './exec';
import { attachCommand } from './attach';
import { containerInspectCommand } from './container-inspect';
import { portCommand } from './port';
import { diffCommand } from './diff';
import { cpCommand } from './cp';
import { commitCommand } from './commit';
import { topCommand } from './top';
import { statsCommand } from './stats';
import { containerPruneCommand } from './container-prune';
import { curlCommand } from './curl';
import { waitCommand } from './wait';
import { debugDumpAstCommand } from './debug';
import { buildCommand } from './build';
import { imagesCommand } from './images';
import { historyCommand } from './history';
import { imageInspectCommand, inspectCommand } from './image-inspect';
import { tagCommand } from './tag';
import { rmiCommand } from './rmi';
import { imagePruneCommand } from './image-prune';
import { systemDfCommand } from './system-df';
import { builderPruneCommand } from './builder-prune';
import { systemPruneCommand } from './system-prune';
import { composeCommand } from './compose';
import { networkCreateCommand } from './network-create';
import { networkLsCommand } from './network-ls';
import { networkInspectCommand } from './network-inspect';
import { networkRmCommand } from './network-rm';
import { networkPruneCommand } from './network-prune';
import { networkConnectCommand } from './network-connect';
import { networkDisconnectCommand } from './network-disconnect';
import { volumeCreateCommand } from './volume-create';
import { volumeLsCommand } from './volume-ls';
import { volumeInspectCommand } from './volume-inspect';
import { volumeRmCommand } from './volume-rm';
import { volumePruneCommand } from './volume-prune';

export const commands: CommandSpec[] = [
  // client and system
  versionCommand,
  infoCommand,
  // registry
  pullCommand,
  pushCommand,
  loginCommand,
  logoutCommand,
  searchCommand,
  // containers
  runCommand,
  createCommand,
  startCommand,
  stopCommand,
  restartCommand,
  killCommand,
  rmCommand,
  renameCommand,
  psCommand,
  logsCommand,
  execCommand,
  attachCommand,
  containerInspectCommand,
  portCommand,
  diffCommand,
  cpCommand,
  commitCommand,
  topCommand,
  statsCommand,
  containerPruneCommand,
  curlCommand,
  waitCommand,
  // builds and images
  buildCommand,
  imagesCommand,
  historyCommand,
  imageInspectCommand,
  inspectCommand,
  tagCommand,
  rmiCommand,
  imagePruneCommand,
  systemDfCommand,
  builderPruneCommand,
  systemPruneCommand,
  // Compose
  composeCommand,
  // networks
  networkConnectCommand,
  networkCreateCommand,
  networkDisconnectCommand,
  networkInspectCommand,
  networkLsCommand,
  networkPruneCommand,
  networkRmCommand,
  // volumes
  volumeCreateCommand,
  volumeLsCommand,
  volumeInspectCommand,
  volumeRmCommand,
  volumePruneCommand,
  // Dockerfile parser
  debugDumpAstCommand,
];
