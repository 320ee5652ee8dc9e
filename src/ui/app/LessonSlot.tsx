/**
 * The lesson region's content: lazily loads src/ui/lesson/LessonPanel, so the lesson code is its own chunk and
 * never blocks the editor.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';

const LessonPanel = lazy(async () => {
  const m = (await import('../lesson/LessonPanel')) as { default?: () => ReactNode; LessonPanel?: () => ReactNode };
  const C = m.default ?? m.LessonPanel ?? (() => null);
  return { default: C };
});

class LessonBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function LessonSlot({ failedText }: { failedText: string }) {
  return (
    <LessonBoundary fallback={<p role="alert">{failedText}</p>}>
      <Suspense fallback={null}>
        <LessonPanel />
      </Suspense>
    </LessonBoundary>
  );
}
