import { describe, expect, it } from "vitest";
import { recordedUrl } from "../../../client/runtime/page-url";

const at = (href: string) => new URL(href) as unknown as Location;

describe("recordedUrl", () => {
  it("keeps the query and drops the fragment", () => {
    expect(recordedUrl(at("https://shop.example/p/1?colour=red#reviews"))).toBe(
      "https://shop.example/p/1?colour=red",
    );
  });

  it("drops a query that would make the URL longer than the edge takes", () => {
    const long = `https://shop.example/p/1?fbclid=${"a".repeat(2100)}`;
    expect(recordedUrl(at(long))).toBe("https://shop.example/p/1");
  });

  it("falls back to the origin when even the path is too long", () => {
    const long = `https://shop.example/${"p".repeat(2100)}`;
    expect(recordedUrl(at(long))).toBe("https://shop.example/");
  });
});
