import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { debianFs, run } from './testing';
import { readText } from '../fs-helpers';

const POM = `<?xml version="1.0"?>
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>hello</artifactId>
  <version>1.2.0</version>
  <dependencies>
    <dependency>
      <groupId>com.google.code.gson</groupId>
      <artifactId>gson</artifactId>
    </dependency>
  </dependencies>
</project>
`;
const MAIN = 'package demo;\npublic class Main {\n  public static void main(String[] args) { System.out.println("hi"); }\n}\n';

function jvmFs(files: Record<string, string>) {
  return debianFs({ '/usr/share/maven/lib/.version': '3.6.3\n', ...files }, { '/usr/bin/mvn': 'mvn', '/usr/bin/java': 'java' });
}

describe('mvn and java', () => {
  it("reads the learner's pom: a dependency without a version is Maven's model error", async () => {
    const r = await run(jvmFs({ '/src/pom.xml': POM }), 'mvn -B package', { cwd: '/src' });
    expect(r.exit?.code).toBe(1);
    expect(r.stdout()).toContain("[ERROR] 'dependencies.dependency.version' for com.google.code.gson:gson:jar is missing. @ line 8, column 17\n");
    expect(r.stdout()).toContain('[ERROR] The build could not read 1 project -> [Help 1]\n');
  });

  it('packages the sources into a jar with a manifest; java -jar reads it and says it cannot run it', async () => {
    const fs = jvmFs({ '/src/pom.xml': POM.replace('<artifactId>gson</artifactId>', '<artifactId>gson</artifactId>\n      <version>2.11.0</version>'), '/src/src/main/java/demo/Main.java': MAIN });
    const r = await run(fs, 'mvn -B package', { cwd: '/src' });
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toContain('[INFO] Downloading from central: https://repo.maven.apache.org/maven2/com/google/code/gson/gson/2.11.0/gson-2.11.0.jar\n');
    expect(r.stdout()).toContain('[INFO] -------------------------< com.example:hello >--------------------------\n[INFO] Building hello 1.2.0\n[INFO] --------------------------------[ jar ]---------------------------------\n');
    expect(r.stdout()).toContain('[INFO] --- maven-compiler-plugin:3.1:compile (default-compile) @ hello ---\n[INFO] Changes detected - recompiling the module!\n[WARNING] File encoding has not been set');
    expect(r.stdout()).toContain('[INFO] Compiling 1 source file to /src/target/classes\n');
    expect(r.stdout()).toMatch(/\[INFO\] BUILD SUCCESS\n\[INFO\] -+\n\[INFO\] Total time: {2}\d+\.\d{3} s\n\[INFO\] Finished at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/);
    const jar = unzipSync(fs.readFile('/src/target/hello-1.2.0.jar')!);
    expect(new TextDecoder().decode(jar['META-INF/MANIFEST.MF'])).toContain('Main-Class: demo.Main\r\n');
    expect(Object.keys(jar)).toContain('demo/Main.class');
    expect(fs.stat('/root/.m2/repository/com/google/code/gson/gson/2.11.0/gson-2.11.0.jar')).not.toBeNull();
    const java = await run(fs, 'java -jar target/hello-1.2.0.jar; java -jar nope.jar', { cwd: '/src' });
    expect(java.stderr()).toBe('java: Layerlab cannot run JVM bytecode; target/hello-1.2.0.jar (Main-Class demo.Main) was not run\nError: Unable to access jarfile nope.jar\n');
  });

  it('without a pom.xml fails as Maven does', async () => {
    const r = await run(jvmFs({}), 'mvn package', { cwd: '/tmp' });
    expect(r.exit?.code).toBe(1);
    expect(r.stdout()).toContain('[ERROR] The goal you specified requires a project to execute but there is no POM in this directory (/tmp). Please verify you invoked Maven from the correct directory. -> [Help 1]\n');
  });
});

describe('dotnet', () => {
  const CSPROJ = '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>netcoreapp3.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n';
  const sdkFs = (files: Record<string, string>) => {
    const fs = debianFs(files, { '/usr/bin/dotnet': 'dotnet' });
    fs.load({ path: '/usr/share/dotnet/sdk/3.0.100', type: 'dir', mode: 0o755 });
    return fs;
  };

  it('restore and publish write the assembly, its runtimeconfig and deps; dotnet app.dll says it cannot run it', async () => {
    const fs = sdkFs({ '/src/App.csproj': CSPROJ, '/src/Program.cs': 'class P { static void Main() {} }\n' });
    const r = await run(fs, 'dotnet restore && dotnet publish -c Release -o /out', { cwd: '/src' });
    expect(r.exit?.code).toBe(0);
    expect(r.stdout()).toMatch(/^ {2}Restore completed in \d+\.\d\d (ms|sec) for \/src\/App\.csproj\.\nMicrosoft \(R\) Build Engine version 16\.3\.0\+0f4c62fea for \.NET Core\nCopyright \(C\) Microsoft Corporation\. All rights reserved\.\n\n/);
    expect(r.stdout()).toContain('  App -> /src/bin/Release/netcoreapp3.0/App.dll\n  App -> /out/\n');
    expect(JSON.parse(readText(fs, '/out/App.runtimeconfig.json')!)).toEqual({ runtimeOptions: { tfm: 'netcoreapp3.0', framework: { name: 'Microsoft.NETCore.App', version: '3.0.0' } } });
    const run2 = await run(fs, 'dotnet /out/App.dll; dotnet /out/Nope.dll');
    expect(run2.stderr()).toBe("dotnet: Layerlab cannot run .NET assemblies; /out/App.dll was not run\nThe application to execute does not exist: '/out/Nope.dll'.\n");
  });

  it("a program without Main fails with the compiler's CS5001; no project file is MSB1003", async () => {
    const fs = sdkFs({ '/src/App.csproj': CSPROJ, '/src/Lib.cs': 'class L {}\n' });
    const r = await run(fs, 'dotnet publish -o /out', { cwd: '/src' });
    expect(r.exit?.code).toBe(1);
    expect(r.stdout()).toContain("CSC : error CS5001: Program does not contain a static 'Main' method suitable for an entry point [/src/App.csproj]\n");
    const none = await run(fs, 'dotnet restore', { cwd: '/tmp' });
    expect(none.stdout()).toBe('MSBUILD : error MSB1003: Specify a project or solution file. The current working directory does not contain a project or solution file.\n');
  });
});
