/**
 * Vitrine's service worker code, served by the edge at
 * `/v1/sites/:site/push/sw.js` after a first line that sets
 * `self.vitrinePush = {edge, site}`. The merchant's own one-line file
 * (`vitrine-sw.js`, beside this) loads it with `importScripts`, and so can
 * a site's existing service worker: everything here is inside one function,
 * adds no global besides `vitrinePush`, and only acts on what is Vitrine's:
 * - `push`: shows a notification only for messages marked `vitrine: 1`,
 *   and leaves every other message to the site's own handlers;
 * - `notificationclick`: only for notifications it showed (their data
 *   carries `vitrine`), opens the message's URL;
 * - `pushsubscriptionchange`: the browser replaced or dropped the
 *   subscription; subscribes again with the site's current key and tells
 *   the edge which endpoint the new one replaces.
 *
 * Plain ES2017, no build step: it is served as it is written here.
 */
export const SERVICE_WORKER_SOURCE = `(function () {
  "use strict";
  var config = self.vitrinePush;
  if (!config) return;
  var base = config.edge + "/v1/sites/" + encodeURIComponent(config.site) + "/push";

  function keyBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  self.addEventListener("push", function (event) {
    var message = null;
    try {
      message = event.data ? event.data.json() : null;
    } catch (error) {
      return; // not JSON: not ours
    }
    if (!message || message.vitrine !== 1) return;
    event.waitUntil(
      self.registration.showNotification(String(message.title || ""), {
        body: String(message.body || ""),
        data: { vitrine: 1, url: typeof message.url === "string" ? message.url : null },
      })
    );
  });

  self.addEventListener("notificationclick", function (event) {
    var data = event.notification.data;
    if (!data || data.vitrine !== 1) return;
    event.notification.close();
    if (data.url && /^https?:/.test(data.url)) {
      event.waitUntil(self.clients.openWindow(data.url));
    }
  });

  function resubscribe(event) {
    var previous = event.oldSubscription ? event.oldSubscription.endpoint : null;
    return fetch(base + "/key")
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        var fresh = event.newSubscription;
        var subscribed = fresh
          ? Promise.resolve(fresh)
          : self.registration.pushManager.subscribe({
              userVisibleOnly: true,
              applicationServerKey: keyBytes(answer.publicKey)
            });
        return subscribed.then(function (subscription) {
          if (!previous) return; // the page reports it on its next view
          return fetch(base + "/subscription-change", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              previousEndpoint: previous,
              subscription: subscription.toJSON(),
              vapidKey: answer.publicKey
            })
          });
        });
      })
      .catch(function () {
        // Offline or refused: the runtime reports the subscription it
        // finds on the shopper's next page view.
      });
  }

  self.addEventListener("pushsubscriptionchange", function (event) {
    event.waitUntil(resubscribe(event));
  });
})();
`;

/** The service worker the edge serves for one site. */
export function serviceWorkerFor(edgeOrigin: string, site: string): string {
  return `self.vitrinePush = ${JSON.stringify({ edge: edgeOrigin, site })};\n${SERVICE_WORKER_SOURCE}`;
}

/** The one line a merchant hosts as `/vitrine-sw.js` on their own origin. */
export function merchantServiceWorker(scriptUrl: string): string {
  return `importScripts(${JSON.stringify(scriptUrl)});\n`;
}
