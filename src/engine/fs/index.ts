/** The layered, content-addressed virtual filesystem. See README.md. */
export * from './path';
export * from './node';
export * from './layer';
export * from './union';
export * from './serialize';
export * from './tree';
