/** Types for the well-kept packages the built-in modules come from (they ship none of their own). */
declare module 'events/events.js' {
  const EventEmitter: any;
  export = EventEmitter;
}
declare module 'readable-stream/lib/ours/browser.js' {
  const stream: any;
  export = stream;
}
declare module 'string_decoder/lib/string_decoder.js' {
  export const StringDecoder: any;
}
declare module 'process/browser.js' {
  const process: any;
  export = process;
}
