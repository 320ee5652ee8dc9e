/**
 * One LessonWorld adapter per engine client, and a revision number that changes when the engine or its records
 * do (or when the engine worker's answer to the world's images and containers comes).
 */
import { useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../engine/engineClient';
import { createEngineWorld, type EngineWorld } from '../../lessons/engineWorld';
import type { QuizScore } from '../../lessons/world';

export interface WorldSources {
  files: () => Record<string, string>;
  quizScores: () => Record<string, QuizScore>;
}

export function useLessonWorld(engine: EngineClient | null, sources: WorldSources): { world: EngineWorld | null; rev: number } {
  const [rev, setRev] = useState(0);
  const [world, setWorld] = useState<EngineWorld | null>(null);
  const src = useRef(sources);
  useEffect(() => {
    src.current = sources;
  });
  useEffect(() => {
    if (!engine) return;
    const w = createEngineWorld(engine.worldSource(), { files: () => src.current.files(), quizScores: () => src.current.quizScores() });
    const bump = () => setRev((r) => r + 1);
    const offRecord = w.onRecord(bump);
    const offEngine = engine.subscribe(bump);
    setWorld(w);
    return () => {
      offRecord();
      offEngine();
      w.dispose();
      setWorld(null);
    };
  }, [engine]);
  return { world, rev };
}
