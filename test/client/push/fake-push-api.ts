/**
 * The browser's Push API, Notification and service worker container, as
 * far as client/runtime/push uses them, for happy-dom (which has none of
 * them). Real browsers are exercised by test/e2e/push.test.ts.
 */

export class FakeSubscription {
  constructor(
    readonly endpoint: string,
    readonly options: { applicationServerKey: ArrayBuffer | null },
    private readonly manager: FakePushManager,
  ) {}

  toJSON() {
    return {
      endpoint: this.endpoint,
      expirationTime: null,
      keys: { p256dh: "BEl62iUYgUivxIkv69yViEuiBIa", auth: "8eDyX_uCN0XRhSbY5hs7Hg" },
    };
  }

  async unsubscribe(): Promise<boolean> {
    this.manager.current = null;
    this.manager.unsubscribed.push(this.endpoint);
    return true;
  }
}

export class FakePushManager {
  current: FakeSubscription | null = null;
  subscribed: Uint8Array[] = [];
  unsubscribed: string[] = [];
  private count = 0;

  constructor(private readonly browser: FakeBrowser) {}

  async getSubscription() {
    return this.current;
  }

  async subscribe(options: {
    userVisibleOnly: boolean;
    applicationServerKey: Uint8Array;
  }) {
    if (this.browser.permission !== "granted") {
      throw new DOMException("permission not granted", "NotAllowedError");
    }
    if (!options.userVisibleOnly)
      throw new DOMException("userVisibleOnly", "NotSupportedError");
    this.count += 1;
    this.subscribed.push(options.applicationServerKey);
    this.current = new FakeSubscription(
      `https://fcm.googleapis.com/fcm/send/sub-${this.count}`,
      { applicationServerKey: options.applicationServerKey.slice().buffer },
      this,
    );
    return this.current;
  }
}

export class FakeRegistration {
  readonly pushManager: FakePushManager;
  constructor(
    readonly active: { scriptURL: string },
    browser: FakeBrowser,
  ) {
    this.pushManager = new FakePushManager(browser);
  }
}

export class FakeBrowser {
  permission: NotificationPermission = "default";
  /** What the browser's own permission prompt answers. */
  answer: NotificationPermission = "granted";
  registration: FakeRegistration | undefined;
  registered: string[] = [];
  /** Whether each permission request came while a click was dispatched. */
  requests: boolean[] = [];
  inClick = false;

  readonly container = {
    getRegistration: async (_scope?: string) => this.registration,
    register: async (url: string) => {
      this.registered.push(url);
      const scriptURL = new URL(url, "https://shop.test").href;
      // As browsers do: registering the same script again keeps the
      // registration (and its subscription); another script replaces it.
      if (this.registration?.active.scriptURL !== scriptURL) {
        this.registration = new FakeRegistration({ scriptURL }, this);
      }
      return this.registration;
    },
  };

  /** A site's own service worker at the root scope. */
  siteWorker(scriptURL: string): FakeRegistration {
    this.registration = new FakeRegistration({ scriptURL }, this);
    return this.registration;
  }

  /** A window as startPush reads it; `supported: false` leaves out the
   * Push API, as Safari outside a home screen app does. */
  window(document: Document, supported = true): Window & typeof globalThis {
    const browser = this;
    // biome-ignore lint/complexity/noStaticOnlyClass: browsers' Notification is a constructor with static members, and pushSupported checks for one
    class Notification {
      static get permission() {
        return browser.permission;
      }
      static requestPermission(callback?: (result: NotificationPermission) => void) {
        browser.requests.push(browser.inClick);
        browser.permission = browser.answer;
        callback?.(browser.answer);
        return Promise.resolve(browser.answer);
      }
    }
    const navigator: Record<string, unknown> = {
      userAgent:
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
    };
    if (supported) navigator.serviceWorker = this.container;
    return {
      document,
      navigator,
      location: { origin: "https://shop.test", href: "https://shop.test/products/tea" },
      isSecureContext: true,
      ...(supported && { PushManager: FakePushManager, Notification }),
    } as unknown as Window & typeof globalThis;
  }

  /** Clicks a button of the soft prompt the way a shopper does. */
  click(button: HTMLElement): void {
    this.inClick = true;
    try {
      button.click();
    } finally {
      this.inClick = false;
    }
  }
}
