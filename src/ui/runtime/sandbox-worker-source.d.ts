/**
 * The sandbox worker bundled into one classic script (made by vite.config.ts): its text in the dev server, a Blob
 * of it in the build (fetched without decoding it on the page's main thread).
 */
declare module 'virtual:layerlab-sandbox-worker' {
  const code: string | Blob;
  export default code;
}
