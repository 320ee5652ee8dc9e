/**
 * The BusyBox recordings of testdata/cases.ts (scripts/record-busybox.ts) by case name, and which applets a case
 * still waits for, for the specs that replay them (under `docker run` and as a RUN step).
 */
import results from './busybox-results.json';
import { imageFs } from '../../test-helpers';

export interface Recorded {
  name: string;
  stdout: string;
  stderr: string;
  code: number;
  /** Files left in the case's directory: directories end in `/`; content as text; mode bits. */
  files: { path: string; mode: number; content: string }[];
}

export const recorded: ReadonlyMap<string, Recorded> = new Map((results as Recorded[]).map((r) => [r.name, r]));

/** Applets an image does not have yet: busybox images get a /bin/<name> for every applet the runtime implements. */
const standard = imageFs('busybox');
export const missingApplets = (needs: string[] = []): string[] => needs.filter((a) => !standard.stat(`/bin/${a}`));
