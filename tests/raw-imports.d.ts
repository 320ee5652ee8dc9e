/** Vite's `?raw` imports (a file's text), for the specs that load lessons outside Vite's own types. */
declare module '*?raw' {
  const text: string;
  export default text;
}
