import { describe, expect, it } from 'vitest';
import type { Diagnostic, TextEdit } from '../instructions';
import { lintDockerfile, parseDockerfile, LINT_RULES } from '../index';

const lint = (t: string, opts = {}) => lintDockerfile(parseDockerfile(t), opts);
const codes = (t: string) => lint(t).map((d) => `${d.range.start.line}:${d.code}`);
const one = (t: string, code: string) => lint(t).find((d) => d.code === code) as Diagnostic;

/** Applies a quick fix's edits (end-exclusive ranges) to the text. */
function applyFix(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; column: number }) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('Lint: BuildKit build checks', () => {
  it('uses BuildKit ids, URLs and exact messages', () => {
    const d = one('FROM alpine:3.20\nCMD node server.js\n', 'JSONArgsRecommended');
    expect(d.message).toBe('JSON arguments recommended for CMD to prevent unintended behavior related to OS signals');
    expect(d.url).toBe('https://docs.docker.com/go/dockerfile/rule/json-args-recommended/');
    expect(d.range.start.line).toBe(2);
    expect(d.messageKo).toContain('JSON');
  });

  it('does not recommend JSON args once SHELL is set', () => {
    expect(codes('FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\n')).toEqual([]);
  });

  it('reports casing, stage name and maintainer checks', () => {
    const t = 'FROM alpine:3.20 as Builder\nMAINTAINER me\nrun echo\nFROM alpine:3.20 AS builder\n';
    const d = lint(t);
    expect(d.map((x) => x.message)).toEqual([
      "Stage name 'Builder' should be lowercase",
      "'as' and 'FROM' keywords' casing do not match",
      'Maintainer instruction is deprecated in favor of using label',
      "Command 'run' should match the case of the command majority (uppercase)",
      'Duplicate stage name "builder", stage names should be unique',
    ]);
  });

  it('reports LegacyKeyValueFormat, SecretsUsedInArgOrEnv, WorkdirRelativePath and UndefinedVar', () => {
    const t = 'FROM alpine:3.20\nENV APP_HOME /app\nARG GITHUB_TOKEN\nWORKDIR app\nCOPY $APP_HOEM /x\n';
    expect(lint(t).map((d) => d.message)).toEqual([
      '"ENV key=value" should be used instead of legacy "ENV key value" format',
      'Do not use ARG or ENV instructions for sensitive data (ARG "GITHUB_TOKEN")',
      'Relative workdir "app" can have unexpected results if the base image changes',
      "Usage of undefined variable '$APP_HOEM' (did you mean $APP_HOME?)",
    ]);
  });

  it('reports UndefinedArgInFrom and MultipleInstructionsDisallowed at the earlier instruction', () => {
    expect(codes('ARG TAG=3.20\nFROM alpine:${TAGG}\nCMD ["a"]\nCMD ["b"]\n')).toEqual([
      '2:UndefinedArgInFrom',
      '2:InvalidDefaultArgInFrom',
      '3:MultipleInstructionsDisallowed',
    ]);
    expect(one('ARG TAG=3.20\nFROM alpine:${TAGG}\n', 'UndefinedArgInFrom').message).toBe("FROM argument 'TAGG' is not declared (did you mean TAG?)");
    expect(one('FROM alpine:${TAGG}\n', 'UndefinedArgInFrom').message).toBe("FROM argument 'TAGG' is not declared");
    expect(one('FROM --platform=$BUILDPLATFROM alpine:3.20\n', 'UndefinedArgInFrom').message).toBe(
      "FROM argument 'BUILDPLATFROM' is not declared (did you mean BUILDPLATFORM?)",
    );
  });

  it('checks variables in RUN --mount values but not in the command or EXPOSE', () => {
    expect(codes('FROM alpine:3.20\nRUN --mount=type=cache,target=$CACHE_DIR echo $NOPE\nEXPOSE $PORT\n')).toEqual(['2:UndefinedVar']);
  });

  it('checks base names with default ARG values like reference.ParseNormalizedNamed', () => {
    expect(codes('FROM Alpine\n')).toContain('1:InvalidDefaultArgInFrom');
    expect(codes('ARG V=3.20\nFROM localhost:5000/team/app:${V}\nFROM Registry.Example.com/a/b@sha256:' + 'a'.repeat(64) + '\n')).toEqual([]);
    expect(codes('ARG IMG\nFROM ${IMG}\n')).toContain('2:InvalidDefaultArgInFrom');
  });

  it('reports EXPOSE format checks', () => {
    expect(lint('FROM alpine:3.20\nEXPOSE 80/TCP 8080:80\n').map((d) => d.message)).toEqual([
      "Defined protocol '80/TCP' in EXPOSE instruction should be lowercase",
      "EXPOSE instruction should not define an IP address or host-port mapping, found '8080:80'",
    ]);
  });

  it('honours a # check=skip comment right above a stage FROM for that stage only', () => {
    const t = 'FROM alpine:3.20 AS a\nCMD echo a\n# check=skip=JSONArgsRecommended\nFROM alpine:3.20 AS b\nCMD echo b\n';
    expect(codes(t)).toEqual(['2:JSONArgsRecommended']);
  });

  it('reports CopyIgnoredFile when a .dockerignore matcher is given', () => {
    const dockerignore = { matches: (p: string) => p === 'node_modules' || p.startsWith('node_modules/') };
    const d = lint('FROM node:20\nCOPY ./node_modules/x /app/\nCOPY . /app\n', { dockerignore });
    expect(d.map((x) => x.message)).toEqual(['Attempting to Copy file "node_modules/x" that is excluded by .dockerignore']);
    expect(lint('FROM node:20\nCOPY node_modules /x\n', { dockerignore: { ...dockerignore, hasExclusions: true } })).toEqual([]);
  });

  it('honours # check=skip and error=true', () => {
    const t = '# check=skip=JSONArgsRecommended,MaintainerDeprecated\nFROM alpine:3.20\nMAINTAINER me\nCMD a\nENV A 1\n';
    expect(codes(t)).toEqual(['5:LegacyKeyValueFormat']);
    expect(codes('# check=skip=all\nFROM alpine\nCMD a\n')).toEqual([]);
    expect(lint('# check=error=true\nFROM alpine:3.20\nCMD a\n')[0].severity).toBe('error');
  });
});

describe('Lint: Layerlab cache rules', () => {
  it('flags COPY . . before npm install and fixes it by copying the manifests first', () => {
    const t = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "server.js"]\n';
    const d = one(t, 'CopyAllBeforeDependencyInstall');
    expect(d.range.start.line).toBe(3);
    expect(d.message).toContain('"RUN npm install"');
    expect(applyFix(t, d.fix!.edits)).toBe('FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\nCMD ["node", "server.js"]\n');
  });

  it('knows pip, go and bundler installs', () => {
    expect(codes('FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n')).toContain('2:CopyAllBeforeDependencyInstall');
    expect(codes('FROM golang:1.22\nCOPY . .\nRUN go mod download\n')).toContain('2:CopyAllBeforeDependencyInstall');
    expect(codes('FROM ruby:3\nCOPY . .\nRUN bundle install\n')).toContain('2:CopyAllBeforeDependencyInstall');
    expect(codes('FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n')).toEqual([]);
  });

  it('flags source files copied before a rarely changing system install', () => {
    const t = 'FROM python:3.12\nCOPY app.py .\nRUN apt-get update && apt-get install -y curl\n';
    const d = one(t, 'VolatileCopyBeforeStableStep');
    expect(applyFix(t, d.fix!.edits)).toBe('FROM python:3.12\nRUN apt-get update && apt-get install -y curl\nCOPY app.py .\n');
  });

  it('flags apt-get update alone and merges it into the install', () => {
    const t = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n';
    const d = one(t, 'AptGetUpdateAlone');
    expect(applyFix(t, d.fix!.edits)).toBe('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n');
  });

  it('suggests merging consecutive ENV, but not when a later value uses an earlier key', () => {
    const t = 'FROM alpine:3.20\nENV A=1\nENV B=2\n';
    const d = one(t, 'MergeableMetadata');
    expect(d.severity).toBe('info');
    expect(applyFix(t, d.fix!.edits)).toBe('FROM alpine:3.20\nENV A=1 \\\n    B=2\n');
    expect(one('FROM alpine:3.20\nENV A=1\nENV B=$A\n', 'MergeableMetadata').fix).toBeUndefined();
  });

  it('flags ADD of local files and unpinned base images', () => {
    const t = 'FROM node\nADD server.js /app/\nADD https://example.com/x.tgz /x\nADD a.tar.gz /y\n';
    expect(codes(t)).toEqual(['1:UnpinnedBaseImage', '2:AddInsteadOfCopy']);
    expect(applyFix(t, one(t, 'AddInsteadOfCopy').fix!.edits)).toContain('COPY server.js /app/');
    expect(codes('FROM node:latest\n')).toEqual(['1:UnpinnedBaseImage']);
    expect(codes('FROM node@sha256:' + 'a'.repeat(64) + '\nFROM scratch\n')).toEqual([]);
  });

  it('can leave the teaching rules out', () => {
    expect(lint('FROM node\n', { layerlabRules: false })).toEqual([]);
  });

  it('has complete rule data (en and ko texts, lesson ids)', () => {
    for (const r of LINT_RULES) {
      expect(r.message.en && r.message.ko && r.why.en && r.why.ko && r.description.en && r.description.ko && r.lesson).toBeTruthy();
      if (r.source === 'buildkit') expect(r.url).toMatch(/^https:\/\/docs\.docker\.com\/go\/dockerfile\/rule\//);
    }
  });

  it('gives every diagnostic a source range', () => {
    for (const d of lint('FROM node\nRUN a \\\n\n b\nCMD x\nENV A 1\nENV B 2\n')) {
      expect(d.range.start.line).toBeGreaterThan(0);
      expect(d.range.start.column).toBeGreaterThan(0);
    }
  });
});
