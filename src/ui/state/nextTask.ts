/**
 * Resolves in a new task: long start-up work awaits it between its steps so no single task keeps the page
 * from responding (a MessageChannel message: not throttled like timers in a hidden page).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
