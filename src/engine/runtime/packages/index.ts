/**
 * Package managers, toolchains and user tools, by the name a program file has in the image. They run only where
 * the image has the file (`apt-get` on Debian and Ubuntu, `apk` on Alpine, `npm`/`yarn` in node images, `pip` in
 * python images, or whatever a package installed); elsewhere the shell says `not found`.
 */
import type { Applet } from '../coreutils/types';
import { table } from './table';
import { APT_PROGRAMS } from './apt';
import { APK_PROGRAMS } from './apk';
import { NPM_PROGRAMS } from './npm';
import { YARN_PROGRAMS } from './yarn';
import { PIP_PROGRAMS } from './pip';
import { GO_PROGRAMS } from './go';
import { GIT_PROGRAMS } from './git';
import { USER_PROGRAMS } from './users';
import { MAVEN_PROGRAMS } from './maven';
import { JAVA_PROGRAMS } from './java';
import { DOTNET_PROGRAMS } from './dotnet';

export const PACKAGE_PROGRAMS: Record<string, Applet | undefined> = table<Applet>({
  ...APT_PROGRAMS,
  ...APK_PROGRAMS,
  ...NPM_PROGRAMS,
  ...YARN_PROGRAMS,
  ...PIP_PROGRAMS,
  ...GO_PROGRAMS,
  ...GIT_PROGRAMS,
  ...USER_PROGRAMS,
  ...MAVEN_PROGRAMS,
  ...JAVA_PROGRAMS,
  ...DOTNET_PROGRAMS,
});

export { PACKAGE_PROGRAM_NAMES } from './names';
