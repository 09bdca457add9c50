import { describe, expect, it } from "vitest";
import { pathOf, routeOf } from "../../preview/src/app/routes";
import { checkDraft, fieldOf } from "../../preview/src/editor/check-draft";
import { newDraft } from "../../preview/src/editor/draft";
import { copyId, copyName } from "../../preview/src/widgets/copy-id";
import { recommendationDefaults } from "../../templates/recommendations/settings";

describe("checking a draft", () => {
  it("gives the settings as the template validates them when all is well", () => {
    const draft = { ...newDraft(), id: "home-picks" };
    draft.settings = { ...draft.settings, count: " 7 ", accentColor: "#AABBCC" };
    expect(checkDraft(draft)).toEqual({
      errors: {},
      settings: { ...recommendationDefaults, count: 7, accentColor: "#aabbcc" },
    });
  });

  it("names every wrong field at once, in the template's words", () => {
    const draft = { ...newDraft(), id: "", name: " " };
    draft.settings = {
      ...draft.settings,
      title: "",
      count: "twelve",
      windowDays: "400",
      algorithm: "magic",
    };
    const { errors, settings } = checkDraft(draft);
    expect(settings).toBeUndefined();
    expect(errors).toEqual({
      id: expect.stringMatching(/^must be 1 to 64 letters/),
      name: "must be 1 to 80 characters",
      title: "must not be empty",
      count: "must be a whole number",
      windowDays: "must be between 1 and 365",
      algorithm: expect.stringMatching(/^must be one of: frequently-bought-together/),
    });
  });

  it("maps the API's field names to the form's", () => {
    expect(fieldOf("settings.pages.2")).toBe("pages");
    expect(fieldOf("settings.count")).toBe("count");
    expect(fieldOf("name")).toBe("name");
    expect(fieldOf("settings.unknown")).toBeUndefined();
    expect(fieldOf(undefined)).toBeUndefined();
  });
});

describe("copies", () => {
  it("takes the first free id and keeps within 64 characters", () => {
    expect(copyId("fbt", new Set(["fbt"]))).toBe("fbt-copy");
    expect(copyId("fbt", new Set(["fbt-copy", "fbt-copy-2"]))).toBe("fbt-copy-3");
    const long = "x".repeat(64);
    expect(copyId(long, new Set())).toHaveLength(64);
    expect(copyName("y".repeat(80))).toHaveLength(80);
  });
});

describe("editor addresses", () => {
  it("round-trips every page and sends unknown paths to the list", () => {
    for (const route of [
      { name: "list" },
      { name: "new" },
      { name: "edit", id: "a:b.c" },
    ] as const) {
      expect(routeOf(pathOf(route))).toEqual(route);
    }
    expect(routeOf("/editor/nowhere/at/all")).toEqual({ name: "list" });
    expect(routeOf("/editor/widgets/%E0%A4%A")).toEqual({ name: "list" });
  });
});
