import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiProblem } from "../api/problem";
import type { SiteInfo } from "../api/types";
import { messageAtField } from "../editor/save-widget";
import { useBeforeUnload } from "../editor/use-before-unload";
import type { PromotionsApi } from "./promotions-api";
import { RoundingExampleView } from "./RoundingExampleView";
import {
  ROUNDING_FIELD_IDS,
  type RoundingDraft,
  type RoundingField,
  RoundingForm,
} from "./RoundingForm";
import type { ExampleRequest, PromotionRecord, SiteRounding } from "./types";
import { useRoundingExample } from "./use-rounding-example";
import { useSampleCart } from "./use-sample-cart";

interface Props {
  api: PromotionsApi;
  site: SiteInfo | undefined;
  /** The site's promotions as the list shows them; a change re-prices. */
  promotions: PromotionRecord[] | undefined;
  onDirty(dirty: boolean): void;
}

type Notice = { kind: "saved" | "problem"; text: string };

/**
 * The site's rounding setting beside its live example. The example prices
 * the sample cart with the step and scope as typed, before any save, and
 * the edge's refusals of them show at their fields as the marketer types.
 */
export function RoundingPanel(props: Props): JSX.Element {
  const { api, onDirty } = props;
  const [saved, setSaved] = useState<SiteRounding>();
  const [draft, setDraft] = useState<RoundingDraft>();
  const [saveErrors, setSaveErrors] = useState<Partial<Record<RoundingField, string>>>(
    {},
  );
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);
  const cart = useSampleCart(api, props.promotions);

  useEffect(() => {
    let current = true;
    api.rounding().then(
      (rounding) => {
        if (!current) return;
        setSaved(rounding);
        setDraft(draftOf(rounding));
      },
      (error: unknown) => current && setNotice({ kind: "problem", text: text(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const request: ExampleRequest | undefined =
    draft && cart.lines && cart.lines.length > 0
      ? {
          items: cart.lines.map((line) => ({
            product: line.product.id,
            quantity: quantityOf(line.quantity),
          })),
          rounding: { step: draft.step.trim(), scope: draft.scope },
        }
      : undefined;
  const example = useRoundingExample(api, request, props.promotions);

  const dirty =
    saved !== undefined && JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
  useBeforeUnload(dirty);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  if (!draft || !saved) {
    return (
      <section class="rounding" aria-labelledby="rounding-title">
        <h2 id="rounding-title">Rounding</h2>
        <p class={notice ? "problem" : undefined} role={notice ? "alert" : "status"}>
          {notice?.text ?? "Loading the rounding setting…"}
        </p>
      </section>
    );
  }

  // The example's refusal, at the field it names: the step and scope in
  // the form, a quantity or product on its line, anything else below.
  const refusal = example.problem;
  const exampleField = refusal?.field ?? "";
  const errors = { ...saveErrors };
  const lineErrors: Record<string, string> = {};
  let exampleProblem: string | undefined;
  const roundingField = /^rounding\.(step|scope)$/.exec(exampleField)?.[1] as
    | "step"
    | "scope"
    | undefined;
  const itemField = /^items\.(\d+)\.(quantity|product)$/.exec(exampleField);
  const itemLine = itemField && cart.lines?.[Number(itemField[1])];
  if (refusal && roundingField) {
    errors[roundingField] ??= messageAtField(refusal);
  } else if (refusal && itemLine) {
    const words = messageAtField(refusal);
    lineErrors[itemLine.product.id] =
      itemField[2] === "quantity" ? `Quantity ${words}.` : `Product ${words}.`;
  } else if (refusal) {
    exampleProblem = refusal.message;
  }
  if (cart.problem) exampleProblem = cart.problem;

  function change(patch: Partial<RoundingDraft>) {
    setDraft((before) => before && { ...before, ...patch });
    setSaveErrors((before) => {
      const rest = { ...before };
      for (const field of Object.keys(patch) as RoundingField[]) delete rest[field];
      return rest;
    });
    setNotice(undefined);
  }

  async function save() {
    if (!draft || saving) return;
    setSaving(true);
    try {
      const answer = await api.saveRounding({ ...draft, step: draft.step.trim() });
      setSaved(answer);
      setDraft(draftOf(answer));
      setNotice({
        kind: "saved",
        text: "Saved. Carts are rounded this way from their next calculation.",
      });
    } catch (error) {
      const field = error instanceof ApiProblem ? fieldOf(error.field) : undefined;
      if (error instanceof ApiProblem && field) {
        setSaveErrors((before) => ({ ...before, [field]: messageAtField(error) }));
        document.getElementById(ROUNDING_FIELD_IDS[field])?.focus();
      }
      setNotice({ kind: "problem", text: `Not saved: ${text(error)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="rounding" aria-labelledby="rounding-title">
      <h2 id="rounding-title">Rounding</h2>
      <p class="hint">
        How the prices promotions lower are rounded, unless a promotion sets its own.
        Prices no promotion lowers are never rounded.
      </p>
      <div class="rounding-body">
        <RoundingForm
          draft={draft}
          currency={saved.currency}
          errors={errors}
          warnings={saved.warnings ?? []}
          dirty={dirty}
          saving={saving}
          notice={notice}
          onChange={change}
          onSave={save}
          onRevert={() => {
            setDraft(draftOf(saved));
            setSaveErrors({});
            setNotice(undefined);
          }}
        />
        <RoundingExampleView
          api={api}
          site={props.site}
          lines={cart.lines}
          answer={example.answer}
          pending={example.pending}
          problem={exampleProblem}
          lineErrors={lineErrors}
          mode={draft.mode}
          onQuantity={cart.setQuantity}
          onRemove={cart.remove}
          onAdd={cart.add}
        />
      </div>
    </section>
  );
}

function draftOf({ mode, step, scope }: SiteRounding): RoundingDraft {
  return { mode, step, scope };
}

/** A quantity as typed, sent so that the edge judges it: a number when it
 * reads as one ("2", "1.5"), else the text itself, which it refuses. */
function quantityOf(typed: string): unknown {
  const trimmed = typed.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function fieldOf(apiField: string | undefined): RoundingField | undefined {
  return (["mode", "step", "scope"] as const).find((field) => field === apiField);
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
