/** WORKDIR: sets the stage's working directory and creates it (owned by USER under BuildKit). */
import type { Instruction } from '../../dockerfile/index';
import { normalizePath } from '../../fs/path';
import type { BuildRun } from '../builder';
import type { StageState } from '../types';

export async function workdirInstruction(run: BuildRun, st: StageState, ins: Extract<Instruction, { kind: 'WORKDIR' }>, idx: number): Promise<void> {
  const r = st.scope.expand(ins.path);
  if (!r.ok) run.fail(r.error.message, { range: ins.range });
  const path = normalizePath(r.value, run.workdir(st));
  st.config.WorkingDir = path;
  await run.rules.workdir(st, ins, idx, path);
}
