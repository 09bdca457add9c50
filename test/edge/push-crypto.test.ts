import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../edge/push/base64url";
import { decryptPushMessage } from "../../edge/push/decrypt";
import { encryptPushMessage, MAX_PAYLOAD_BYTES } from "../../edge/push/encrypt";
import { endpointProblem } from "../../edge/push/endpoint";
import { importEcdhPrivate, privateJwk } from "../../edge/push/p256";
import { vapidAuthorization } from "../../edge/push/vapid-jwt";
import {
  publicKeyBytes,
  rotateVapidKeys,
  siteVapidKeys,
} from "../../edge/push/vapid-keys";
import { createSite } from "./support";

// RFC 8291 §5 and Appendix A, "Intermediate Values for Encryption": the
// example's keys, salt and auth secret, and the body the RFC publishes.
const RFC = {
  plaintext: "When I grow up, I want to be a watermelon",
  uaPublic:
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
  uaPrivate: "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94",
  asPublic:
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8",
  asPrivate: "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw",
  salt: "DGv6ra1nlYgDCS1FRnbzlw",
  authSecret: "BTBZMqHH6r4Tts7J_aSIgg",
  body: "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
};

function bytes(text: string): Uint8Array<ArrayBuffer> {
  const decoded = fromBase64Url(text);
  if (!decoded) throw new Error(`not base64url: ${text}`);
  return new Uint8Array(decoded);
}

const receiver = {
  point: bytes(RFC.uaPublic),
  authSecret: bytes(RFC.authSecret),
  privateJwk: privateJwk(bytes(RFC.uaPrivate), bytes(RFC.uaPublic)),
};
const text = new TextEncoder();

describe("web push encryption (RFC 8291, aes128gcm)", () => {
  it("produces RFC 8291's published body from its keys, salt and plaintext", async () => {
    const sender = {
      privateKey: await importEcdhPrivate(
        privateJwk(bytes(RFC.asPrivate), bytes(RFC.asPublic)),
      ),
      publicPoint: bytes(RFC.asPublic),
    };
    const body = await encryptPushMessage(text.encode(RFC.plaintext), receiver, {
      sender,
      salt: bytes(RFC.salt),
    });
    expect(toBase64Url(body)).toBe(RFC.body);
  });

  it("decrypts RFC 8291's published body with the receiver's private key", async () => {
    const plain = await decryptPushMessage(bytes(RFC.body), receiver);
    expect(new TextDecoder().decode(plain)).toBe(RFC.plaintext);
  });

  it("uses a fresh key pair and salt for each message, each readable by the receiver", async () => {
    const payload = text.encode("Your basket misses you");
    const first = await encryptPushMessage(payload, receiver);
    const second = await encryptPushMessage(payload, receiver);
    expect(toBase64Url(first.slice(0, 16))).not.toBe(toBase64Url(second.slice(0, 16)));
    expect(toBase64Url(first.slice(21, 86))).not.toBe(toBase64Url(second.slice(21, 86)));
    for (const body of [first, second]) {
      expect(new TextDecoder().decode(await decryptPushMessage(body, receiver))).toBe(
        "Your basket misses you",
      );
    }
  });

  it("refuses a payload whose body would pass 4096 bytes", async () => {
    const largest = await encryptPushMessage(new Uint8Array(MAX_PAYLOAD_BYTES), receiver);
    expect(largest.byteLength).toBe(4096);
    await expect(
      encryptPushMessage(new Uint8Array(MAX_PAYLOAD_BYTES + 1), receiver),
    ).rejects.toThrow(RangeError);
  });
});

describe("VAPID (RFC 8292)", () => {
  it("generates one key pair per site, keeps it, and never stores a public JWK only", async () => {
    await createSite("vapid-keys");
    const first = await siteVapidKeys(env.DB, "vapid-keys");
    const again = await siteVapidKeys(env.DB, "vapid-keys");
    expect(again.publicKey).toBe(first.publicKey);
    expect(publicKeyBytes(first)).toHaveLength(65);
    expect(first.signingKey.extractable).toBe(false);

    const rotated = await rotateVapidKeys(env.DB, "vapid-keys");
    expect(rotated).not.toBe(first.publicKey);
    expect((await siteVapidKeys(env.DB, "vapid-keys")).publicKey).toBe(rotated);
  });

  it("signs a token for the push service's origin that verifies with the public key", async () => {
    await createSite("vapid-jwt");
    const keys = await siteVapidKeys(env.DB, "vapid-jwt");
    const now = Date.UTC(2026, 11, 4, 12);
    const header = await vapidAuthorization(keys, {
      endpoint: "https://fcm.googleapis.com/fcm/send/abc:def",
      subject: "https://edge.example",
      now,
    });
    const match = /^vapid t=([^.]+)\.([^.]+)\.([^.]+), k=(\S+)$/.exec(header);
    expect(match).not.toBeNull();
    const [, head = "", claims = "", signature = "", k = ""] = match ?? [];
    expect(k).toBe(keys.publicKey);
    const decode = (part: string) =>
      JSON.parse(new TextDecoder().decode(bytes(part))) as Record<string, unknown>;
    expect(decode(head)).toEqual({ typ: "JWT", alg: "ES256" });
    expect(decode(claims)).toEqual({
      aud: "https://fcm.googleapis.com",
      exp: now / 1000 + 12 * 3600,
      sub: "https://edge.example",
    });

    const verifier = await crypto.subtle.importKey(
      "raw",
      bytes(k),
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["verify"],
    );
    const signed = text.encode(`${head}.${claims}`);
    const valid = await crypto.subtle.verify(
      { name: "ECDSA", hash: "SHA-256" },
      verifier,
      bytes(signature),
      signed,
    );
    expect(valid).toBe(true);
    const tampered = text.encode(`${head}.${claims}x`);
    expect(
      await crypto.subtle.verify(
        { name: "ECDSA", hash: "SHA-256" },
        verifier,
        bytes(signature),
        tampered,
      ),
    ).toBe(false);
  });
});

describe("push endpoint allow-list", () => {
  it.each([
    "https://fcm.googleapis.com/fcm/send/abc",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAA",
    "https://web.push.apple.com/QGuQ",
    "https://api.push.apple.com/3/device/x",
    "https://db5p.notify.windows.com/w/?token=x",
  ])("accepts %s", (endpoint) => {
    expect(endpointProblem(endpoint)).toBeNull();
  });

  it.each([
    ["http://fcm.googleapis.com/fcm/send/abc", "https"],
    ["https://127.0.0.1/push", "known push service"],
    ["https://evil.example/fcm.googleapis.com", "known push service"],
    ["https://fcm.googleapis.com.evil.example/x", "known push service"],
    ["https://push.apple.com/x", "known push service"],
    ["https://fcm.googleapis.com:8443/x", "port"],
    ["https://user:pw@fcm.googleapis.com/x", "credentials"],
    ["not a url", "URL"],
    [42, "URL"],
  ])("refuses %s", (endpoint, problem) => {
    expect(endpointProblem(endpoint)).toContain(problem);
  });
});
