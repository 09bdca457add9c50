/**
 * Exclusive Web Locks as browsers grant them, for the tabs of a test: a
 * request waits its turn (first come, first served) unless `ifAvailable`,
 * when it gets `null` at once, and the lock is freed when the callback's
 * promise settles. happy-dom has no `navigator.locks`.
 */
export function fakeLocks(): LockManager {
  const queues = new Map<string, (() => void)[]>();

  function request<T>(
    name: string,
    second: LockOptions | LockGrantedCallback<T>,
    third?: LockGrantedCallback<T>,
  ): Promise<T> {
    const callback = typeof second === "function" ? second : third;
    const options = typeof second === "function" ? {} : second;
    if (!callback) return Promise.reject(new TypeError("no callback"));
    const waiting = queues.get(name) ?? [];
    queues.set(name, waiting);
    if (options.ifAvailable && waiting.length > 0) {
      return Promise.resolve().then(() => callback(null));
    }

    return new Promise<T>((resolve, reject) => {
      const grant = () => {
        const lock: Lock = { name, mode: "exclusive" };
        Promise.resolve()
          .then(() => callback(lock))
          .then(resolve, reject)
          .finally(() => {
            waiting.shift();
            waiting[0]?.();
          });
      };
      waiting.push(grant);
      if (waiting.length === 1) grant();
    });
  }

  return {
    request,
    query: async () => ({ held: [], pending: [] }),
  };
}
