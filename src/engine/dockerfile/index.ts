/** Public API of the Dockerfile package: parsing, dumping, variable expansion, scoping, lint, check, describe. */
export { parseDockerfile, type ParseOutput } from './parseDockerfile';
export { dumpAst, type AstNode, type AstRoot, type AstHeredoc } from './ast';
export { parseAst, MAX_LINE_BYTES } from './parser';
export { expandWord, expandWords, expandForDisplay, referencedVariables, type EnvLike, type LexOptions } from './shellLexer';
export { parseCheckDirective, type CheckDirective } from './directives';
export * from './instructions';
export { StageScope, resolveGlobalArgs, expandFromValue, defaultPlatformArgs, type ScopeOptions, type GlobalArgs } from './scope';
export { lintDockerfile, type LintOptions } from './lint/lintDockerfile';
export { LINT_RULES, RULES_BY_ID, type LintRule } from './lint/rules';
export { formatCheckOutput, runBuildCheck, formatBuildWarnings, formatLegacyWarnings, formatSourceSnippet, type CheckOutput } from './lint/checkOutput';
export { describeDockerfile, stepDisplayName, DEFAULT_SHELL, type DescribedInstruction, type DockerfileDescription, type ExpandedValue } from './describe';
export { parseMount, checkMountAtParse, csvFields, type Mount, type MountType, type ShareMode } from './mounts';
