/** The sandbox worker bundled into one classic script, as text (made by vite.config.ts). */
declare module 'virtual:layerlab-sandbox-worker' {
  const code: string;
  export default code;
}
