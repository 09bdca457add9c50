import { describe, expect, it } from "vitest";
import { POPUP_TEMPLATES } from "../../templates/popup/contract";
import { POPUP_DEFAULTS, validatePopupSettings } from "../../templates/popups";

describe("pop-up settings by template", () => {
  it.each(POPUP_TEMPLATES)("has valid defaults for %s", (template) => {
    expect(validatePopupSettings(template, {})).toEqual({
      ok: true,
      value: POPUP_DEFAULTS[template],
    });
  });

  it("checks each template with its own rules, under the prefix given", () => {
    expect(
      validatePopupSettings("cross-sell", { count: 7 }, "body.settings"),
    ).toMatchObject({
      ok: false,
      field: "body.settings.count",
    });
    expect(validatePopupSettings("upsell", { count: 2 })).toMatchObject({
      ok: false,
      field: "settings.count",
      message: "is not a known setting",
    });
  });
});
