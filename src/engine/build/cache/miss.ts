/** Helpers both cache rules use: which variables changed between two runs, and the lower-layer lookup for sealing. */
import type { FsNode } from '../../fs/node';
import { dirname } from '../../fs/path';
import type { UnionFs } from '../../fs/union';
import type { Instruction } from '../../dockerfile/index';
import type { MissReason } from '../events';
import type { StagePlan } from '../types';

/** Names whose values differ between two environments, sorted. */
export function diffEnv(a: Record<string, string>, b: Record<string, string>): string[] {
  const out = new Set<string>();
  for (const k of Object.keys(b)) if (a[k] !== b[k]) out.add(k);
  for (const k of Object.keys(a)) if (!(k in b)) out.add(k);
  return [...out].sort();
}

/**
 * `lower.lookupRaw` for sealing a layer, remembering which parent directories the lower layers lack: a path
 * whose parent is absent below cannot be there either, so a COPY of thousands of new files costs one lookup per directory.
 */
export function memoLowerLookup(lower: UnionFs): (path: string) => FsNode | null {
  const missing = new Map<string, boolean>();
  return (p) => {
    if (p !== '/') {
      const parent = dirname(p);
      let m = missing.get(parent);
      if (m === undefined) {
        m = parent !== '/' && lower.lookupRaw(parent) === null;
        missing.set(parent, m);
      }
      if (m) return null;
    }
    return lower.lookupRaw(p);
  };
}

/**
 * The reason for a step whose position held another instruction in the last build: when the same text ran at
 * another position of the stage, the instruction moved and it is its parent (the instruction now below it) that
 * changed, not its text. Otherwise the instruction itself is new or edited.
 */
export function changedOrMoved(
  memo: ReadonlyMap<string, { text: string }>,
  plan: StagePlan,
  ins: Instruction,
  previousText: string,
): MissReason {
  const prefix = `${plan.index}:`;
  for (const [id, m] of memo) {
    if (!id.startsWith(prefix) || m.text !== ins.original) continue;
    const at = plan.instructions.findIndex((x) => x.ins === ins);
    const below = at > 0 ? plan.instructions[at - 1].ins : plan.stage.from;
    return { kind: 'parent-changed', line: below.line, instruction: below.original, moved: true };
  }
  return { kind: 'instruction-changed', previous: previousText };
}
