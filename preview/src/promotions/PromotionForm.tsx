import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ID_RULE, isId } from "../../../edge/http/identifiers";
import { ApiProblem } from "../api/problem";
import type { SiteInfo } from "../api/types";
import { BASE } from "../app/routes";
import { ChoiceGroup } from "../editor/fields/ChoiceGroup";
import { SelectField } from "../editor/fields/SelectField";
import { TextField } from "../editor/fields/TextField";
import { optionsOf } from "../editor/labels";
import { messageAtField } from "../editor/save-widget";
import { useBeforeUnload } from "../editor/use-before-unload";
import { Link } from "../ui/Link";
import { KIND_LABELS, MODE_LABELS, SCOPE_LABELS, TARGET_LABELS } from "./labels";
import {
  bodyOf,
  type DraftField,
  draftFieldOf,
  draftOf,
  idFromName,
  newDraft,
  type PromotionDraft,
} from "./promotion-draft";
import type { PromotionsApi } from "./promotions-api";
import { SuggestField } from "./SuggestField";
import { TimeField } from "./TimeField";
import type { PromotionRecord, SiteRounding } from "./types";
import { useTargetSuggestions } from "./use-target-suggestions";

interface Props {
  api: PromotionsApi;
  site: SiteInfo | undefined;
  /** The promotion to edit; undefined creates one. */
  id: string | undefined;
  onDirty(dirty: boolean): void;
  onSaved(saved: PromotionRecord, created: boolean): void;
  onBack(): void;
}

/** Each field's control, in the form's order: errors are visited in it. */
const FIELD_IDS: Record<DraftField, string> = {
  id: "promotion-id",
  name: "promotion-name",
  enabled: "promotion-enabled",
  kind: "promotion-kind",
  value: "promotion-value",
  targetType: "promotion-target",
  product: "promotion-product",
  category: "promotion-category",
  minOrderValue: "promotion-min-order",
  startsAt: "promotion-starts",
  endsAt: "promotion-ends",
  roundingMode: "promotion-rounding-mode",
  roundingStep: "promotion-rounding-step",
  roundingScope: "promotion-rounding-scope",
};

/**
 * Creates or edits one promotion. The form checks almost nothing itself:
 * Save sends the promotion to the edge, whose validation answers the first
 * problem, naming its field, and the form shows that answer at the field.
 * Only the id is checked before, since it is part of the address.
 */
export function PromotionForm(props: Props): JSX.Element {
  const { api, site, id } = props;
  const isNew = id === undefined;
  const [record, setRecord] = useState<PromotionRecord>();
  const [base, setBase] = useState<PromotionDraft | undefined>(() =>
    isNew ? newDraft() : undefined,
  );
  const [draft, setDraft] = useState(base);
  const [idEdited, setIdEdited] = useState(false);
  const [siteRounding, setSiteRounding] = useState<SiteRounding>();
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [notice, setNotice] = useState<string>();
  const [loadProblem, setLoadProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const suggestions = useTargetSuggestions(api, draft?.product ?? "");

  useEffect(() => {
    let current = true;
    api.rounding().then((rounding) => current && setSiteRounding(rounding), ignore);
    if (id !== undefined) {
      api.find(id).then(
        (found) => {
          if (!current) return;
          setRecord(found);
          setBase(draftOf(found));
          setDraft(draftOf(found));
        },
        (error: unknown) => {
          if (!current) return;
          const gone = error instanceof ApiProblem && error.status === 404;
          setLoadProblem(
            gone
              ? `There is no promotion "${id}". It may have been deleted.`
              : text(error),
          );
        },
      );
    }
    return () => {
      current = false;
    };
  }, [api, id]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  useBeforeUnload(dirty);
  const { onDirty } = props;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  function change(patch: Partial<PromotionDraft>) {
    const next = { ...patch };
    if (isNew && patch.id !== undefined) setIdEdited(true);
    if (isNew && patch.name !== undefined && !idEdited) next.id = idFromName(patch.name);
    setDraft((before) => before && { ...before, ...next });
    setErrors((before) => {
      const rest = { ...before };
      for (const field of Object.keys(next) as DraftField[]) delete rest[field];
      return rest;
    });
    setNotice(undefined);
  }

  /** Shows a problem at its field, and says so at the top. */
  function refuse(field: DraftField, message: string) {
    setErrors((before) => ({ ...before, [field]: message }));
    setNotice(`Not saved: ${LABELS[field]} ${message}.`);
    focusField(field);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || saving) return;
    if (!isId(draft.id)) {
      refuse("id", ID_RULE);
      return;
    }
    const built = bodyOf(draft, record);
    if ("field" in built) {
      refuse(built.field, built.message);
      return;
    }
    setSaving(true);
    try {
      const taken = isNew ? await existing(api, draft.id) : undefined;
      if (taken) {
        refuse("id", `is already taken by "${taken.name}"`);
        return;
      }
      const saved = await api.save(draft.id, built.body);
      // Nothing is left unsaved; the list is where the marketer goes next.
      onDirty(false);
      props.onSaved(saved, isNew);
    } catch (error) {
      // "value has 3 decimals, …" goes to its field; a sentence about
      // something else (a site with too many promotions) stays whole.
      const field = error instanceof ApiProblem ? draftFieldOf(error.field) : undefined;
      if (
        error instanceof ApiProblem &&
        field &&
        error.message.startsWith(`${error.field} `)
      ) {
        refuse(field, messageAtField(error));
      } else {
        setNotice(`Not saved: ${text(error)}`);
      }
    } finally {
      setSaving(false);
    }
  }

  const back = (
    <Link href={`${BASE}promotions`} class="back" onNavigate={props.onBack}>
      ← Promotions
    </Link>
  );
  if (loadProblem) {
    return (
      <main class="promotion-editor">
        {back}
        <p role="alert" class="problem">
          {loadProblem}
        </p>
      </main>
    );
  }
  if (!draft || !base) {
    return (
      <main class="promotion-editor">
        <p role="status">Loading the promotion…</p>
      </main>
    );
  }

  const field = (name: DraftField) => ({
    id: FIELD_IDS[name],
    label: LABELS[name],
    error: errors[name],
  });
  const currency = site?.currency ?? siteRounding?.currency ?? "";
  const siteSetting = (words: string) => `The site's (${words})`;

  return (
    <main class="promotion-editor">
      <form
        class="editor-form"
        onSubmit={save}
        noValidate
        aria-labelledby="promotion-title"
      >
        <header class="editor-header">
          {back}
          <h1 id="promotion-title">{isNew ? "New promotion" : base.name}</h1>
          <div class="editor-actions">
            <button type="submit" class="primary" disabled={saving}>
              {saving ? "Saving…" : "Save"}
            </button>
            <button type="button" onClick={props.onBack}>
              Cancel
            </button>
            <span class="dirty" aria-live="polite">
              {dirty ? "Unsaved changes" : ""}
            </span>
          </div>
          {notice && (
            <p class="problem" role="alert">
              {notice}
            </p>
          )}
        </header>

        <fieldset class="group">
          <legend>Promotion</legend>
          <TextField
            {...field("name")}
            hint="Shown in carts priced by CalculateCart."
            value={draft.name}
            onValue={(name) => change({ name })}
          />
          <TextField
            {...field("id")}
            hint={
              isNew
                ? "Names it in the API and in priced carts; made from the name unless you change it. It cannot change later."
                : "It cannot change."
            }
            value={draft.id}
            readOnly={!isNew}
            onValue={(value) => change({ id: value.trim() })}
          />
          <div class="field check">
            <input
              id={FIELD_IDS.enabled}
              type="checkbox"
              checked={draft.enabled}
              onChange={(event) => change({ enabled: event.currentTarget.checked })}
            />
            <label for={FIELD_IDS.enabled}>Enabled: carts get it while it runs</label>
          </div>
        </fieldset>

        <fieldset class="group">
          <legend>Discount</legend>
          <SelectField
            {...field("kind")}
            value={draft.kind}
            options={optionsOf(KIND_LABELS)}
            onValue={(kind) => change({ kind: kind as PromotionDraft["kind"] })}
          />
          <TextField
            {...field("value")}
            inputMode="numeric"
            hint={valueHint(draft, currency)}
            value={draft.value}
            onValue={(value) => change({ value })}
          />
          <ChoiceGroup
            {...field("targetType")}
            kind="radio"
            options={optionsOf(TARGET_LABELS)}
            selected={[draft.targetType]}
            onSelected={([type]) =>
              change({ targetType: (type ?? "product") as PromotionDraft["targetType"] })
            }
          />
          {draft.targetType === "product" && (
            <SuggestField
              {...field("product")}
              hint="The product's id; type part of its name to find it."
              value={draft.product}
              suggestions={suggestions.products}
              onValue={(product) => change({ product })}
            />
          )}
          {draft.targetType === "category" && (
            <SuggestField
              {...field("category")}
              hint="As the catalog writes it, capitals included."
              value={draft.category}
              suggestions={suggestions.categories}
              onValue={(category) => change({ category })}
            />
          )}
          <TextField
            {...field("minOrderValue")}
            inputMode="numeric"
            hint={`Optional, in ${currency}: applies only to carts worth this much before any promotion.`}
            value={draft.minOrderValue}
            onValue={(minOrderValue) => change({ minOrderValue })}
          />
        </fieldset>

        <fieldset class="group">
          <legend>When</legend>
          <p class="hint">
            In your time zone, {Intl.DateTimeFormat().resolvedOptions().timeZone}. Leave
            empty for no start or no end.
          </p>
          <TimeField
            {...field("startsAt")}
            value={draft.startsAt}
            onValue={(startsAt) => change({ startsAt })}
          />
          <TimeField
            {...field("endsAt")}
            value={draft.endsAt}
            onValue={(endsAt) => change({ endsAt })}
          />
        </fieldset>

        <fieldset class="group">
          <legend>Rounding</legend>
          <p class="hint">
            What the promotion does differently from the site's rounding setting, if
            anything.
          </p>
          <SelectField
            {...field("roundingMode")}
            value={draft.roundingMode}
            options={[
              {
                value: "",
                label: siteSetting(
                  siteRounding ? MODE_LABELS[siteRounding.mode] : "its setting",
                ),
              },
              ...optionsOf(MODE_LABELS),
            ]}
            onValue={(mode) =>
              change({ roundingMode: mode as PromotionDraft["roundingMode"] })
            }
          />
          <TextField
            {...field("roundingStep")}
            inputMode="numeric"
            hint={`Empty is the site's step${siteRounding ? `, ${siteRounding.step}` : ""}.`}
            value={draft.roundingStep}
            onValue={(roundingStep) => change({ roundingStep })}
          />
          {draft.targetType !== "order" && (
            <SelectField
              {...field("roundingScope")}
              value={draft.roundingScope}
              options={[
                {
                  value: "",
                  label: siteSetting(
                    siteRounding ? SCOPE_LABELS[siteRounding.scope] : "its setting",
                  ),
                },
                ...optionsOf(SCOPE_LABELS),
              ]}
              onValue={(scope) =>
                change({ roundingScope: scope as PromotionDraft["roundingScope"] })
              }
            />
          )}
        </fieldset>
      </form>
    </main>
  );
}

const LABELS: Record<DraftField, string> = {
  id: "Id",
  name: "Name",
  enabled: "Enabled",
  kind: "Kind",
  value: "Value",
  targetType: "Applies to",
  product: "Product",
  category: "Category",
  minOrderValue: "Minimum order value",
  startsAt: "Starts",
  endsAt: "Ends",
  roundingMode: "Rounding mode",
  roundingStep: "Rounding step",
  roundingScope: "Rounding scope",
};

function valueHint(draft: PromotionDraft, currency: string): string {
  if (draft.kind === "percent-off")
    return "A percentage, up to 4 decimals, such as 12.5.";
  const price = draft.targetType === "order" ? "the order's total" : "each unit's price";
  if (draft.kind === "amount-off")
    return `Taken off ${price}, in ${currency}, such as 0.50.`;
  return `What ${price} becomes, in ${currency}, when that is lower.`;
}

/** The promotion that already has this id, if one does. */
async function existing(api: PromotionsApi, id: string) {
  try {
    return await api.find(id);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return undefined;
    throw error;
  }
}

function focusField(field: DraftField): void {
  const id = FIELD_IDS[field];
  const element =
    document.getElementById(id) ?? document.querySelector<HTMLElement>(`[name="${id}"]`);
  element?.focus();
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function ignore(): void {
  // The site's setting only words the "site's" options; they do without it.
}
