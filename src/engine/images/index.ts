/** The image store and image references. See README.md. */
export * from './config';
export * from './reference';
export * from './store';
export * from './inspect';
export * from './time';
export * from './base-images';
export * from './shared';
