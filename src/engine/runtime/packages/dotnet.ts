/**
 * `dotnet` (the .NET SDK and runtime images): `restore`, `build` and `publish` read the project file the learner
 * wrote (its SDK, TargetFramework, AssemblyName, OutputType and PackageReferences), download the packages
 * missing from ~/.nuget/packages (synthetic .nupkg files, so a cached restore layer spares the next build), and
 * write the assembly, its .pdb, .deps.json and .runtimeconfig.json, the packages' dlls and the project's
 * content files (wwwroot, appsettings*.json) where the real SDK puts them. C# is not compiled: the .dll is a
 * placeholder that names its sources; a project without a `static Main` fails with the compiler's CS5001, as
 * it does for real. `dotnet app.dll` says in one line that Layerlab cannot run .NET assemblies.
 *
 * Output: .NET Core 3.0 SDK's shape (MSBuild 16.3 banner, "Restore completed in X sec for P.", "A -> path"),
 * and "Determining projects to restore..." / "Restored P (in X sec)." for SDK 5 and later
 * (https://github.com/NuGet/NuGet.Client, RestoreCommand's log messages; dotnet/sdk's publish targets).
 */
import { basename, dirname, walk } from '../fs-helpers';
import { cannotRun, pkgApplet, type PkgCtx } from './context';
import { table } from './table';

/** Packages' own dependencies (id@version), for the packages tutorials and the book reference. */
const NUGET_DEPS = table<string[]>({
  'Microsoft.EntityFrameworkCore.Sqlite': ['Microsoft.EntityFrameworkCore.Sqlite.Core@3.0.0', 'SQLitePCLRaw.bundle_e_sqlite3@2.0.1'],
  'Microsoft.EntityFrameworkCore.Sqlite.Core': ['Microsoft.Data.Sqlite.Core@3.0.0', 'Microsoft.EntityFrameworkCore.Relational@3.0.0'],
  'Microsoft.EntityFrameworkCore.Relational': ['Microsoft.EntityFrameworkCore@3.0.0'],
  'Microsoft.EntityFrameworkCore': ['Microsoft.EntityFrameworkCore.Abstractions@3.0.0', 'Microsoft.EntityFrameworkCore.Analyzers@3.0.0', 'Microsoft.Bcl.AsyncInterfaces@1.0.0', 'Microsoft.Bcl.HashCode@1.1.0', 'System.Collections.Immutable@1.6.0', 'System.ComponentModel.Annotations@4.6.0', 'System.Diagnostics.DiagnosticSource@4.6.0'],
  'Microsoft.Data.Sqlite.Core': ['SQLitePCLRaw.core@2.0.1'],
  'SQLitePCLRaw.bundle_e_sqlite3': ['SQLitePCLRaw.core@2.0.1', 'SQLitePCLRaw.lib.e_sqlite3@2.0.1', 'SQLitePCLRaw.provider.dynamic_cdecl@2.0.1'],
  'Npgsql.EntityFrameworkCore.PostgreSQL': ['Npgsql@4.1.0', 'Microsoft.EntityFrameworkCore.Relational@3.0.0'],
  'Microsoft.Extensions.Configuration.Json': ['Microsoft.Extensions.Configuration@3.0.0', 'Microsoft.Extensions.Configuration.FileExtensions@3.0.0', 'System.Text.Json@4.6.0'],
  'Microsoft.Extensions.Configuration.EnvironmentVariables': ['Microsoft.Extensions.Configuration@3.0.0'],
  'Microsoft.Extensions.Configuration.FileExtensions': ['Microsoft.Extensions.Configuration@3.0.0', 'Microsoft.Extensions.FileProviders.Physical@3.0.0'],
  'Microsoft.Extensions.Configuration': ['Microsoft.Extensions.Configuration.Abstractions@3.0.0'],
  'Microsoft.Extensions.Configuration.Abstractions': ['Microsoft.Extensions.Primitives@3.0.0'],
  'Microsoft.Extensions.FileProviders.Physical': ['Microsoft.Extensions.FileProviders.Abstractions@3.0.0', 'Microsoft.Extensions.FileSystemGlobbing@3.0.0'],
  'Microsoft.Extensions.FileProviders.Abstractions': ['Microsoft.Extensions.Primitives@3.0.0'],
});

interface Project {
  path: string;
  dir: string;
  name: string;
  assembly: string;
  sdk: string;
  tfm: string;
  exe: boolean;
  packages: { id: string; version: string }[];
}

function readProject(p: PkgCtx, path: string): Project | string {
  const text = (p.read(path) ?? '').replace(/^\uFEFF/, '');
  const sdk = /<Project\s[^>]*Sdk="([^"]+)"/.exec(text)?.[1];
  if (!sdk) return `${path} : error MSB4041: The default XML namespace of the project must be the MSBuild XML namespace or no namespace.`;
  const prop = (k: string) => new RegExp(`<${k}>\\s*([^<]*?)\\s*</${k}>`).exec(text)?.[1];
  const name = basename(path).replace(/\.(cs|fs|vb)proj$/, '');
  const packages = [...text.matchAll(/<PackageReference\s+Include="([^"]+)"\s+Version="([^"]+)"/g)].map((m) => ({ id: m[1], version: m[2] }));
  return {
    path,
    dir: dirname(path),
    name,
    assembly: prop('AssemblyName') ?? name,
    sdk,
    tfm: prop('TargetFramework') ?? 'netcoreapp3.0',
    exe: sdk === 'Microsoft.NET.Sdk.Web' || /^exe$/i.test(prop('OutputType') ?? ''),
    packages,
  };
}

/** The project a command works on: the argument, or the one project file in the directory (MSBuild's rules). */
function findProject(p: PkgCtx, arg: string | undefined): Project | string {
  if (arg) {
    const path = p.path(arg);
    const st = p.fs.stat(path);
    if (!st) return `MSBUILD : error MSB1009: Project file does not exist.\nSwitch: ${arg}`;
    if (st.type === 'file') return readProject(p, path);
    return findProject({ ...p, cwd: path, path: (x) => p.path(`${arg}/${x}`) }, undefined);
  }
  const names = (p.fs.readdir(p.cwd) ?? []).filter((n) => /\.(sln|csproj|fsproj|vbproj)$/.test(n));
  if (names.length === 0) return 'MSBUILD : error MSB1003: Specify a project or solution file. The current working directory does not contain a project or solution file.';
  if (names.length > 1) return 'MSBUILD : error MSB1011: Specify which project or solution file to use because this folder contains more than one project or solution file.';
  if (names[0].endsWith('.sln')) {
    const sln = p.read(names[0]) ?? '';
    const proj = /Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+\.csproj)"/.exec(sln)?.[1];
    if (!proj) return `${p.path(names[0])} : Solution file error MSB5023: the solution has no projects.`;
    return readProject(p, p.path(proj.replace(/\\/g, '/')));
  }
  return readProject(p, p.path(names[0]));
}

function duration(ms: number, modern: boolean): string {
  if (modern) return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} sec`;
  return ms < 1000 ? `${ms.toFixed(2)} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(2)} sec` : `${(ms / 60_000).toFixed(2)} min`;
}

export async function dotnet(p: PkgCtx): Promise<number> {
  const args = p.argv.slice(1);
  const sdkVersion = p.vars.DOTNET_SDK_VERSION || sdkOnDisk(p);
  const [cmd, ...rest] = args;
  if (cmd === '--version') {
    if (!sdkVersion) return noSdk(p);
    p.out(`${sdkVersion}\n`);
    return 0;
  }
  if (cmd === 'restore' || cmd === 'build' || cmd === 'publish') {
    if (!sdkVersion) return noSdk(p);
    const modern = parseInt(sdkVersion, 10) >= 5;
    let config = 'Debug';
    let output: string | undefined;
    let restore = true;
    let target: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '-c' || a === '--configuration') config = rest[++i] ?? config;
      else if (a === '-o' || a === '--output') output = rest[++i];
      else if (a === '--no-restore') restore = false;
      else if (!a.startsWith('-')) target = a;
    }
    const project = findProject(p, target);
    if (typeof project === 'string') {
      p.out(project + '\n');
      return 1;
    }
    if (cmd !== 'restore') p.out(modern ? `Microsoft (R) Build Engine version 17.0.0+c9eb9dd64 for .NET\nCopyright (C) Microsoft Corporation. All rights reserved.\n\n` : `Microsoft (R) Build Engine version 16.3.0+0f4c62fea for .NET Core\nCopyright (C) Microsoft Corporation. All rights reserved.\n\n`);
    if (restore) await restorePackages(p, project, modern);
    else if (!p.exists(`${project.dir}/obj/project.assets.json`)) {
      p.out(`/usr/share/dotnet/sdk/${sdkVersion}/Sdks/Microsoft.NET.Sdk/targets/Microsoft.PackageDependencyResolution.targets(234,5): error NETSDK1004: Assets file '${project.dir}/obj/project.assets.json' not found. Run a NuGet package restore to generate this file. [${project.path}]\n`);
      return 1;
    }
    if (cmd === 'restore') return 0;
    return compile(p, project, config, cmd === 'publish' ? output ?? `${project.dir}/bin/${config}/${project.tfm}/publish/` : output);
  }
  if (cmd && /\.dll$/i.test(cmd)) {
    if (!p.exists(cmd)) {
      p.err(`The application to execute does not exist: '${p.path(cmd)}'.\n`);
      return 1;
    }
    return cannotRun(p, 'dotnet', `.NET assemblies; ${cmd} was not run`);
  }
  if (!cmd || cmd === '--help' || cmd === '-h') {
    p.out('\nUsage: dotnet [options]\nUsage: dotnet [path-to-application]\n\nOptions:\n  -h|--help         Display help.\n  --info            Display .NET information.\n  --list-sdks       Display the installed SDKs.\n  --list-runtimes   Display the installed runtimes.\n\npath-to-application:\n  The path to an application .dll file to execute.\n');
    return cmd ? 0 : 129;
  }
  if (!sdkVersion) return noSdk(p);
  p.err(`dotnet: Layerlab's dotnet restores, builds and publishes projects; \`dotnet ${cmd}\` is not simulated\n`);
  return 1;
}

function sdkOnDisk(p: PkgCtx): string | undefined {
  return (p.fs.readdir('/usr/share/dotnet/sdk') ?? []).filter((n) => /^\d/.test(n)).sort().pop();
}

function noSdk(p: PkgCtx): number {
  p.err('  It was not possible to find any installed .NET Core SDKs\n  Did you mean to run .NET Core SDK commands? Install a .NET Core SDK from:\n      https://aka.ms/dotnet-download\n');
  return 145;
}

/** The package closure of a project: its references and their dependencies, in first-seen order. */
function closure(project: Project): { id: string; version: string }[] {
  const out: { id: string; version: string }[] = [];
  const seen = new Set<string>();
  const visit = (id: string, version: string) => {
    if (seen.has(id.toLowerCase())) return;
    seen.add(id.toLowerCase());
    out.push({ id, version });
    for (const d of NUGET_DEPS[id] ?? []) {
      const [did, dv] = d.split('@');
      visit(did, dv);
    }
  };
  for (const r of project.packages) visit(r.id, r.version);
  return out;
}

const nugetHome = (p: PkgCtx) => `${p.vars.HOME || '/root'}/.nuget/packages`;
const pkgSize = (p: PkgCtx, id: string, v: string) => 40_000 + (parseInt(p.sha256(`${id}@${v}`).slice(0, 8), 16) % 2_500_000);

async function restorePackages(p: PkgCtx, project: Project, modern: boolean): Promise<void> {
  const t0 = p.elapsed();
  if (modern) p.out('  Determining projects to restore...\n');
  const pkgs = closure(project);
  const home = nugetHome(p);
  for (const { id, version } of pkgs) {
    const dir = `${home}/${id.toLowerCase()}/${version.toLowerCase()}`;
    if (p.exists(`${dir}/${id.toLowerCase()}.${version.toLowerCase()}.nupkg`)) continue;
    const size = pkgSize(p, id, version);
    await p.spend(150 + size / 3_000);
    p.writeSynthetic(`${dir}/${id.toLowerCase()}.${version.toLowerCase()}.nupkg`, { seed: `nuget:${id}@${version}`, size });
    p.writeSynthetic(`${dir}/lib/netstandard2.0/${id}.dll`, { seed: `nuget-dll:${id}@${version}`, size: Math.round(size * 0.6) });
  }
  await p.spend(30 + (parseInt(p.sha256(project.path + pkgs.length).slice(0, 4), 16) % 400));
  const assets = {
    version: 3,
    targets: { [`.NETCoreApp,Version=v${project.tfm.replace(/^netcoreapp|^net/, '')}`]: Object.fromEntries(pkgs.map((x) => [`${x.id}/${x.version}`, { type: 'package', runtime: { [`lib/netstandard2.0/${x.id}.dll`]: {} } }])) },
    libraries: Object.fromEntries(pkgs.map((x) => [`${x.id}/${x.version}`, { type: 'package', path: `${x.id.toLowerCase()}/${x.version.toLowerCase()}` }])),
    project: { version: '1.0.0', restore: { projectName: project.name, projectPath: project.path, packagesPath: home + '/' }, frameworks: { [project.tfm]: { dependencies: Object.fromEntries(project.packages.map((x) => [x.id, { target: 'Package', version: `[${x.version}, )` }])) } } },
  };
  p.write(`${project.dir}/obj/project.assets.json`, JSON.stringify(assets, null, 2) + '\n');
  p.write(`${project.dir}/obj/${basename(project.path)}.nuget.g.props`, `<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<Project ToolsVersion="14.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">\n  <PropertyGroup Condition=" '$(ExcludeRestorePackageImports)' != 'true' ">\n    <NuGetPackageRoot Condition=" '$(NuGetPackageRoot)' == '' ">${home}/</NuGetPackageRoot>\n  </PropertyGroup>\n</Project>\n`);
  const ms = p.elapsed() - t0;
  p.out(modern ? `  Restored ${project.path} (in ${duration(ms, true)}).\n` : `  Restore completed in ${duration(ms, false)} for ${project.path}.\n`);
}

async function compile(p: PkgCtx, project: Project, config: string, publishDir: string | undefined): Promise<number> {
  const files = walk(p.fs, project.dir).filter((e) => e.stat.type === 'file' && !/\/(bin|obj)\//.test(e.path.slice(project.dir.length)));
  const sources = files.filter((e) => e.path.endsWith('.cs')).map((e) => e.path);
  if (project.exe && !sources.some((s) => /static\s+(?:async\s+)?(?:void|int|Task(?:<int>)?)\s+Main\s*\(/.test(p.read(s) ?? ''))) {
    p.out(`CSC : error CS5001: Program does not contain a static 'Main' method suitable for an entry point [${project.path}]\n`);
    return 1;
  }
  await p.spend(2_000 + sources.length * 120);
  const bin = `${project.dir}/bin/${config}/${project.tfm}`;
  const asm = project.assembly;
  const dll = new TextEncoder().encode(`MZ\nlayerlab: ${asm}.dll, built from ${sources.length} C# file${sources.length === 1 ? '' : 's'} (${sources.map((s) => s.slice(project.dir.length + 1)).join(', ')}); Layerlab runs no C# compiler\n`);
  const web = project.sdk === 'Microsoft.NET.Sdk.Web';
  const framework = web ? 'Microsoft.AspNetCore.App' : 'Microsoft.NETCore.App';
  const fxVersion = project.tfm.replace(/^netcoreapp|^net/, '') + '.0';
  const pkgs = closure(project);
  const write = (dir: string) => {
    p.writeBytes(`${dir}/${asm}.dll`, dll);
    p.writeSynthetic(`${dir}/${asm}.pdb`, { seed: `pdb:${asm}:${sources.length}`, size: 2_000 + sources.length * 900 });
    if (project.exe) p.writeSynthetic(`${dir}/${asm}`, { seed: 'apphost', size: 107_000 }, 0o755);
    p.write(`${dir}/${asm}.runtimeconfig.json`, JSON.stringify({ runtimeOptions: { tfm: project.tfm, framework: { name: framework, version: fxVersion } } }, null, 2) + '\n');
    p.write(`${dir}/${asm}.deps.json`, JSON.stringify({ runtimeTarget: { name: `.NETCoreApp,Version=v${fxVersion.replace(/\.0$/, '')}` }, libraries: Object.fromEntries([[`${asm}/1.0.0`, { type: 'project' }], ...pkgs.map((x) => [`${x.id}/${x.version}`, { type: 'package' }])]) }, null, 2) + '\n');
    for (const x of pkgs) {
      const from = `${nugetHome(p)}/${x.id.toLowerCase()}/${x.version.toLowerCase()}/lib/netstandard2.0/${x.id}.dll`;
      const st = p.fs.stat(from);
      if (st) p.writeSynthetic(`${dir}/${x.id}.dll`, { seed: `nuget-dll:${x.id}@${x.version}`, size: st.size });
    }
  };
  write(bin);
  p.out(`  ${project.name} -> ${bin}/${asm}.dll\n`);
  const views = web && files.some((e) => e.path.endsWith('.cshtml'));
  if (views) {
    p.writeSynthetic(`${bin}/${asm}.Views.dll`, { seed: `views:${asm}`, size: 30_000 });
    p.out(`  ${project.name} -> ${bin}/${asm}.Views.dll\n`);
  }
  if (publishDir === undefined) return 0;
  const out = p.path(publishDir).replace(/\/?$/, '/');
  write(out.slice(0, -1));
  if (views) p.writeSynthetic(`${out}${asm}.Views.dll`, { seed: `views:${asm}`, size: 30_000 });
  // Content the SDK publishes: wwwroot and appsettings*.json (Web SDK), files marked CopyToOutputDirectory.
  for (const e of files) {
    const rel = e.path.slice(project.dir.length + 1);
    if ((web && (rel.startsWith('wwwroot/') || /^appsettings.*\.json$/.test(rel))) || copyToOutput(p, project, rel)) {
      const data = p.fs.readFile(e.path);
      if (data) p.writeBytes(out + rel, data);
    }
  }
  if (web) p.write(`${out}web.config`, `<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <location path="." inheritInChildApplications="false">\n    <system.webServer>\n      <handlers>\n        <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />\n      </handlers>\n      <aspNetCore processPath="dotnet" arguments=".\\${asm}.dll" stdoutLogEnabled="false" stdoutLogFile=".\\logs\\stdout" hostingModel="inprocess" />\n    </system.webServer>\n  </location>\n</configuration>\n`);
  await p.spend(600);
  p.out(`  ${project.name} -> ${out}\n`);
  return 0;
}

function copyToOutput(p: PkgCtx, project: Project, rel: string): boolean {
  const text = p.read(project.path) ?? '';
  const re = new RegExp(`<(?:None|Content)\\s+(?:Update|Include)="${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>\\s*<CopyToOutputDirectory>(?:PreserveNewest|Always)<`);
  return re.test(text);
}

export const DOTNET_PROGRAMS = { dotnet: pkgApplet(dotnet) };
