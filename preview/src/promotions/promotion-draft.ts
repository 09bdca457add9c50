import type {
  PromotionBody,
  PromotionKind,
  PromotionRecord,
  RoundingMode,
  RoundingScope,
} from "./types";

/** The promotion form as it is typed: text for every input. */
export interface PromotionDraft {
  id: string;
  name: string;
  kind: PromotionKind;
  value: string;
  targetType: "product" | "category" | "order";
  product: string;
  category: string;
  minOrderValue: string;
  /** `datetime-local` values, in the browser's time zone; "" is open. */
  startsAt: string;
  endsAt: string;
  /** "" takes the site's setting. */
  roundingMode: RoundingMode | "";
  roundingStep: string;
  roundingScope: RoundingScope | "";
  enabled: boolean;
}

export type DraftField = keyof PromotionDraft;

export function newDraft(): PromotionDraft {
  return {
    id: "",
    name: "",
    kind: "percent-off",
    value: "",
    targetType: "product",
    product: "",
    category: "",
    minOrderValue: "",
    startsAt: "",
    endsAt: "",
    roundingMode: "",
    roundingStep: "",
    roundingScope: "",
    enabled: true,
  };
}

export function draftOf(promotion: PromotionRecord): PromotionDraft {
  const { target, rounding } = promotion;
  return {
    id: promotion.id,
    name: promotion.name,
    kind: promotion.kind,
    value: promotion.value,
    targetType: target.type,
    product: target.type === "product" ? target.product : "",
    category: target.type === "category" ? target.category : "",
    minOrderValue: promotion.minOrderValue ?? "",
    startsAt: localInput(promotion.startsAt),
    endsAt: localInput(promotion.endsAt),
    roundingMode: rounding?.mode ?? "",
    roundingStep: rounding?.step ?? "",
    roundingScope: rounding?.scope ?? "",
    enabled: promotion.enabled,
  };
}

/**
 * The body to send, or the date field the browser could not read. Nothing
 * else is checked here: the edge checks the rest and names the field.
 * `saved` keeps a time's seconds, which the input does not show, when the
 * marketer left it as it was.
 */
export function bodyOf(
  draft: PromotionDraft,
  saved?: PromotionRecord,
): { body: PromotionBody } | { field: DraftField; message: string } {
  const startsAt = timeOf(draft.startsAt, saved?.startsAt ?? null);
  if (startsAt === undefined) return { field: "startsAt", message: "is not a date" };
  const endsAt = timeOf(draft.endsAt, saved?.endsAt ?? null);
  if (endsAt === undefined) return { field: "endsAt", message: "is not a date" };

  const rounding: NonNullable<PromotionBody["rounding"]> = {};
  if (draft.roundingMode) rounding.mode = draft.roundingMode;
  if (draft.roundingStep.trim()) rounding.step = draft.roundingStep.trim();
  // An order promotion always rounds the order total: the form hides the
  // scope then, and an old choice is not sent.
  if (draft.roundingScope && draft.targetType !== "order") {
    rounding.scope = draft.roundingScope;
  }
  return {
    body: {
      name: draft.name,
      kind: draft.kind,
      value: draft.value.trim(),
      target:
        draft.targetType === "product"
          ? { type: "product", product: draft.product.trim() }
          : draft.targetType === "category"
            ? { type: "category", category: draft.category }
            : { type: "order" },
      minOrderValue: draft.minOrderValue.trim() || null,
      startsAt,
      endsAt,
      rounding: Object.keys(rounding).length > 0 ? rounding : null,
      enabled: draft.enabled,
    },
  };
}

/** The form field an edge error names: `target.product` is `product`. */
export function draftFieldOf(apiField: string | undefined): DraftField | undefined {
  switch (apiField) {
    case "id":
    case "name":
    case "kind":
    case "value":
    case "minOrderValue":
    case "startsAt":
    case "endsAt":
    case "enabled":
      return apiField;
    case "target.product":
      return "product";
    case "target.category":
      return "category";
    case "rounding.step":
      return "roundingStep";
    case "rounding.scope":
      return "roundingScope";
    case "rounding":
    case "rounding.mode":
      return "roundingMode";
  }
  if (apiField === "target" || apiField?.startsWith("target.")) return "targetType";
  if (apiField?.startsWith("rounding.")) return "roundingMode";
  return undefined;
}

/** A proposed id from the name: "Milk week −10 %" gives "milk-week-10". */
export function idFromName(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** Epoch ms as a `datetime-local` value in the browser's time zone. */
export function localInput(ms: number | null): string {
  if (ms === null) return "";
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** null for an empty input, undefined for one that is not a date. */
function timeOf(text: string, saved: number | null): number | null | undefined {
  if (text.trim() === "") return null;
  if (saved !== null && text === localInput(saved)) return saved;
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
