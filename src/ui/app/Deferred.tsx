/**
 * Renders `children` once `ready` and the region is on (or near) the screen; until then an empty box with the
 * region's classes keeps its place. Once shown, it stays. A region in a hidden tab (the phone layout) mounts
 * when its tab is first shown.
 */
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

export function Deferred({ ready, placeholder, children }: { ready: boolean; placeholder: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (!ready || seen) return;
    const el = box.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), { rootMargin: '0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ready, seen]);
  const placeholderBox = <div ref={box} className={placeholder || undefined} aria-busy="true" data-deferred="" />;
  if (ready && seen) return <Suspense fallback={placeholderBox}>{children}</Suspense>;
  return placeholderBox;
}
