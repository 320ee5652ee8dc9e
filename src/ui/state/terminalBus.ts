/**
 * A small bridge so non-terminal parts (the Build button) can write into the terminal, which is lazy-loaded:
 * output written before it mounts is buffered and replayed.
 */
type Writer = (text: string) => void;

let writer: Writer | null = null;
let pending: string[] = [];
let columns = 100;

export function writeToTerminal(text: string): void {
  if (writer) writer(text);
  else {
    pending.push(text);
    if (pending.length > 5000) pending = pending.slice(-2000);
  }
}

export function attachTerminal(w: Writer): () => void {
  writer = w;
  for (const p of pending) w(p);
  pending = [];
  return () => {
    if (writer === w) writer = null;
  };
}

export function setTerminalColumns(c: number): void {
  columns = c;
}

export function terminalColumns(): number {
  return columns;
}
