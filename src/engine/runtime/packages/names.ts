/**
 * The names package programs answer to (index.ts has their implementations). Kept free of imports so PATH
 * lookup (executables.ts) can know them without loading the programs.
 */
export const PACKAGE_PROGRAM_NAMES: ReadonlySet<string> = new Set([
  'apt-get', 'apt', 'apk', 'npm', 'npm-cli.js', 'yarn', 'yarn.js', 'pip', 'pip3', 'python', 'python3', 'go', 'git',
  'addgroup', 'adduser', 'useradd', 'groupadd', 'mvn', 'java', 'dotnet',
]);
