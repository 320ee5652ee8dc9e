/**
 * Monaco, bundled and loaded on demand (never from a CDN): the core editor with the features we use, the
 * Dockerfile and JavaScript grammars, a same-origin editor worker, and Layerlab's Dockerfile language
 * features (hover docs, completion, diagnostics with quick fixes, Alt+Up/Down to move an instruction).
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// the completion widget itself (the features/suggest entry only registers inline-completion glue in 0.57)
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/html/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { FLAG_DOCS, INSTRUCTION_DOCS, docText } from './dockerDocs';
import { fixTitle, type Diagnostic } from './parserBridge';
import { moveInstruction } from './logicalLines';
import type { Lang } from '../i18n/i18n';

export { monaco };

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export interface LanguageHooks {
  lang(): Lang;
  /** Image names and tags for FROM completion. */
  images(): string[];
  /** Diagnostics of the current Dockerfile model (for quick fixes). */
  diagnostics(model: monaco.editor.ITextModel): Diagnostic[];
}

let registered = false;

function instructionOfLine(model: monaco.editor.ITextModel, lineNumber: number): string {
  // walk back over continuation lines to the instruction's first line
  let l = lineNumber;
  while (l > 1 && /\\\s*$/.test(model.getLineContent(l - 1))) l--;
  return (model.getLineContent(l).trim().split(/\s+/)[0] ?? '').toUpperCase();
}

function isInstructionStart(model: monaco.editor.ITextModel, lineNumber: number): boolean {
  return lineNumber === 1 || !/\\\s*$/.test(model.getLineContent(lineNumber - 1));
}

function stageNamesOf(model: monaco.editor.ITextModel): string[] {
  const out: string[] = [];
  for (const line of model.getLinesContent()) {
    const m = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/i.exec(line);
    if (m) out.push(m[1]);
  }
  return out;
}

export function registerDockerfileFeatures(hooks: LanguageHooks): void {
  if (registered) return;
  registered = true;

  monaco.languages.registerHoverProvider('dockerfile', {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      const line = model.getLineContent(position.lineNumber);
      const lang = hooks.lang();
      if (!word) return null;
      const before = line.slice(0, word.startColumn - 1);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      // a flag: --name (words stop at '-', so look at the surrounding token)
      const tokenStart = line.lastIndexOf(' ', position.column - 1) + 1;
      const token = line.slice(tokenStart).split(/[\s=]/)[0];
      if (token.startsWith('--')) {
        const instr = instructionOfLine(model, position.lineNumber);
        const doc = FLAG_DOCS[instr]?.[token.slice(2)];
        if (doc) return { range, contents: [{ value: '```\n' + doc.syntax + '\n```' }, { value: docText(doc, lang) }] };
      }
      const upper = word.word.toUpperCase();
      if (before.trim() === '' && isInstructionStart(model, position.lineNumber) && INSTRUCTION_DOCS[upper]) {
        const doc = INSTRUCTION_DOCS[upper];
        return { range, contents: [{ value: '**' + upper + '**' }, { value: '```\n' + doc.syntax + '\n```' }, { value: docText(doc, lang) }] };
      }
      // ONBUILD RUN ..., HEALTHCHECK CMD ...
      if (INSTRUCTION_DOCS[upper] && word.word === upper && /^\s*(ONBUILD|HEALTHCHECK)\b/i.test(before + ' ')) {
        const doc = INSTRUCTION_DOCS[upper];
        return { range, contents: [{ value: '**' + upper + '**' }, { value: docText(doc, lang) }] };
      }
      return null;
    },
  });

  monaco.languages.registerCompletionItemProvider('dockerfile', {
    triggerCharacters: ['-', '=', ' ', ':'],
    provideCompletionItems(model, position) {
      const line = model.getLineContent(position.lineNumber);
      const before = line.slice(0, position.column - 1);
      const lang = hooks.lang();
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const K = monaco.languages.CompletionItemKind;
      const startOfInstruction = isInstructionStart(model, position.lineNumber);
      if (startOfInstruction && /^\s*[A-Za-z]*$/.test(before)) {
        return {
          suggestions: Object.entries(INSTRUCTION_DOCS).map(([name, d]) => ({
            label: name,
            kind: K.Keyword,
            insertText: name + ' ',
            detail: d.syntax,
            documentation: docText(d, lang),
            range,
          })),
        };
      }
      const instr = instructionOfLine(model, position.lineNumber);
      const fromFlag = /--from=([^\s]*)$/.exec(before);
      if (fromFlag) {
        const r = new monaco.Range(position.lineNumber, position.column - fromFlag[1].length, position.lineNumber, position.column);
        const stages = stageNamesOf(model);
        return { suggestions: stages.map((s) => ({ label: s, kind: K.Reference, insertText: s, range: r })) };
      }
      const flag = /(^|\s)(-{1,2}[a-z-]*)$/.exec(before);
      if (flag && FLAG_DOCS[instr]) {
        const r = new monaco.Range(position.lineNumber, position.column - flag[2].length, position.lineNumber, position.column);
        return {
          suggestions: Object.entries(FLAG_DOCS[instr]).map(([name, d]) => ({
            label: '--' + name,
            kind: K.Property,
            insertText: d.syntax.includes('=') ? `--${name}=` : `--${name}`,
            detail: d.syntax,
            documentation: docText(d, lang),
            range: r,
          })),
        };
      }
      const image = /^\s*FROM\s+(?:--\S+\s+)*([^\s]*)$/i.exec(before);
      if (image) {
        const r = new monaco.Range(position.lineNumber, position.column - image[1].length, position.lineNumber, position.column);
        return { suggestions: hooks.images().map((name) => ({ label: name, kind: K.Module, insertText: name, range: r })) };
      }
      if (/^\s*FROM\s+\S+\s+$/i.test(before)) {
        return { suggestions: [{ label: 'AS', kind: K.Keyword, insertText: 'AS ', range }] };
      }
      return { suggestions: [] };
    },
  });

  monaco.languages.registerCodeActionProvider('dockerfile', {
    provideCodeActions(model, range) {
      const actions: monaco.languages.CodeAction[] = [];
      for (const d of hooks.diagnostics(model)) {
        if (d.range.start.line > range.endLineNumber || d.range.end.line < range.startLineNumber) continue;
        for (const f of d.fixes) {
          actions.push({
            title: fixTitle(f.title, hooks.lang()),
            kind: 'quickfix',
            isPreferred: true,
            diagnostics: [],
            edit: {
              edits: f.edits.map((e) => {
                const endLine = Math.min(e.range.end.line, model.getLineCount());
                const endCol = Math.min(e.range.end.column, model.getLineMaxColumn(endLine));
                return {
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: { range: new monaco.Range(e.range.start.line, e.range.start.column, endLine, endCol), text: e.text },
                };
              }),
            },
          });
        }
      }
      return { actions, dispose() {} };
    },
  });
}

export function setMarkers(model: monaco.editor.ITextModel, diags: Diagnostic[], lang: Lang): void {
  const S = monaco.MarkerSeverity;
  monaco.editor.setModelMarkers(
    model,
    'layerlab',
    diags.map((d) => ({
      severity: d.severity === 'error' ? S.Error : d.severity === 'warning' ? S.Warning : S.Info,
      message: lang === 'ko' && d.messageKo ? d.messageKo : d.message,
      code: d.code || undefined,
      startLineNumber: d.range.start.line,
      startColumn: d.range.start.column,
      endLineNumber: d.range.end.line,
      endColumn: Math.max(d.range.end.column, d.range.start.column + 1),
    })),
  );
}

/** Alt+Up/Down in a Dockerfile moves the whole instruction (continuation lines included). */
export function addMoveInstructionCommands(editor: monaco.editor.IStandaloneCodeEditor): void {
  const move = (dir: -1 | 1) => {
    const model = editor.getModel();
    const pos = editor.getPosition();
    if (!model || !pos) return;
    if (model.getLanguageId() !== 'dockerfile') {
      editor.trigger('keyboard', dir === -1 ? 'editor.action.moveLinesUpAction' : 'editor.action.moveLinesDownAction', null);
      return;
    }
    const r = moveInstruction(model.getValue(), pos.lineNumber, dir);
    if (!r) return;
    const offsetInBlock = 0;
    editor.pushUndoStop();
    editor.executeEdits('move-instruction', [{ range: model.getFullModelRange(), text: r.text }]);
    editor.pushUndoStop();
    editor.setPosition({ lineNumber: r.line + offsetInBlock, column: pos.column });
    editor.revealLineInCenterIfOutsideViewport(r.line);
  };
  editor.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.UpArrow, () => move(-1));
  editor.addCommand(monaco.KeyMod.Alt | monaco.KeyCode.DownArrow, () => move(1));
}

export function languageFor(path: string): string {
  const base = path.split('/').pop() ?? path;
  if (/^Dockerfile(\..*)?$/i.test(base) || base.endsWith('.dockerfile') || base.endsWith('Containerfile')) return 'dockerfile';
  if (/\.(m|c)?jsx?$/.test(base)) return 'javascript';
  if (/\.tsx?$/.test(base)) return 'javascript';
  if (/\.sh$/.test(base)) return 'shell';
  if (/\.html?$/.test(base)) return 'html';
  if (/\.py$/.test(base)) return 'python';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  return 'plaintext';
}
