/** Where the merchant hosts Vitrine's one-line service worker, by default. */
export const DEFAULT_WORKER_URL = "/vitrine-sw.js";

/**
 * The service worker registration to subscribe with.
 * - `worker` a URL (default `/vitrine-sw.js`): registers it for its own
 *   folder (`/` for the default), unless that scope already has another
 *   service worker: registering ours there would replace the site's own,
 *   so it answers null; the site then adds `importScripts` of ours to its
 *   worker and passes `"existing"`.
 * - `"existing"`: the site's own service worker for this page, which
 *   imports ours.
 */
export async function pushRegistration(
  container: ServiceWorkerContainer,
  worker: string,
  pageUrl: string,
): Promise<ServiceWorkerRegistration | null> {
  if (worker === "existing") return (await container.getRegistration()) ?? null;

  const ours = new URL(worker, pageUrl);
  const scope = new URL(".", ours).pathname;
  const current = await container.getRegistration(scope);
  const active = current?.active ?? current?.waiting ?? current?.installing;
  if (current && active && active.scriptURL !== ours.href) return null;
  return whenActive(await container.register(ours.href, { scope }));
}

/** subscribe() needs an active worker. (`container.ready` would wait
 * forever on a page outside the worker's scope.) */
async function whenActive(
  registration: ServiceWorkerRegistration,
): Promise<ServiceWorkerRegistration> {
  const worker = registration.installing ?? registration.waiting;
  if (registration.active || !worker) return registration;
  await new Promise<void>((resolve) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
    });
  });
  return registration;
}
