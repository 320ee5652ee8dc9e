import { notMeasured, type Row } from './table';
export function browserFallbackRows(reason: string): Row[] {
  return [notMeasured('5', 'x', 'y', reason)];
}
export async function benchBrowser(_o: { onDist: (d: string) => void }): Promise<Row[]> {
  return browserFallbackRows('todo');
}
