/** Worker names (shown in the browser's dev tools); the worker warms up only when started ahead of time. */
export const IDLE_WORKER_NAME = 'layerlab-sandbox-idle';
export const WORKER_NAME = 'layerlab-sandbox';
