/**
 * The coreutils: busybox-like applets over ProcessFs with busybox's flags and messages, one file per family,
 * and the table the shell runs programs from (the applets plus the package programs of ../packages).
 * To add an applet: write it in its family's file (or a new one), add it to that file's table and its name to
 * names.ts (that also gives images a `/bin/<name>` marker through `standardBinaries`).
 */
import type { Applet } from './types';
import { PACKAGE_PROGRAMS } from '../packages';
import { FILE_APPLETS } from './files';
import { TEXT_APPLETS } from './text';
import { GREP_APPLETS } from './grep';
import { SYSTEM_APPLETS } from './system';
import { NET_APPLETS } from './net';
import { SED_APPLETS } from './sed';
import { AWK_APPLETS } from './awk';
import { FIND_APPLETS } from './find';
import { XARGS_APPLETS } from './xargs';
import { TAR_APPLETS } from './tar';
import { OD_APPLETS } from './od';
import { nc } from './nc';
import { ping } from './ping';
import { nslookup } from './nslookup';
import { httpd } from './httpd';

export type { Applet, AppletEnv, AppletIO } from './types';
export { APPLETS, EXTRA_PROGRAMS } from './names';
export { echo } from './text';

/** The coreutils by name. */
export const COREUTILS: Record<string, Applet> = { ...FILE_APPLETS, ...TEXT_APPLETS, ...GREP_APPLETS, ...SYSTEM_APPLETS, ...NET_APPLETS, ...SED_APPLETS, ...AWK_APPLETS, ...FIND_APPLETS, ...XARGS_APPLETS, ...TAR_APPLETS, ...OD_APPLETS, nc, ping, nslookup, httpd };

/** Every program the shell runs in-process, by name (no prototype: only these names are found). */
export const APPLET_IMPLS: Record<string, Applet> = Object.assign(Object.create(null) as Record<string, Applet>, COREUTILS, PACKAGE_PROGRAMS);
