/** HEALTHCHECK state (filled in by the health checker). */
import type { HealthConfig } from '../images/config';

export type HealthcheckConfig = HealthConfig;

export interface HealthLogEntry {
  /** Virtual epoch ms. */
  Start: number;
  End: number;
  ExitCode: number;
  Output: string;
}

export interface HealthState {
  Status: 'starting' | 'healthy' | 'unhealthy';
  FailingStreak: number;
  Log: HealthLogEntry[];
}
