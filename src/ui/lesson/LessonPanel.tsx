/**
 * Placeholder lesson panel, created by the UI engineer so the app shell has something to lazy-load.
 * From now on this folder belongs to the lessons engineer: replace this component freely.
 * Contract: default export (or named `LessonPanel`) React component, rendered inside the lesson region.
 */
export function LessonPanel() {
  return <p style={{ padding: '0.5rem' }}>Lessons</p>;
}

export default LessonPanel;
