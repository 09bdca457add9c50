import type { JSX } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { RecommendationSettings } from "../../../templates/recommendations/settings";
import type { AdminApi } from "../api/admin-api";
import { ApiProblem } from "../api/problem";
import { PreviewPane } from "../preview/PreviewPane";
import { checkDraft, type FieldName, fieldOf } from "./check-draft";
import { type Draft, draftOf, type SettingName, type SettingsDraft } from "./draft";
import { EditorHeader } from "./EditorHeader";
import { ProductPicker } from "./ProductPicker";
import { fieldId, SettingsFields } from "./SettingsFields";
import { messageAtField, saveWidget } from "./save-widget";
import { useBeforeUnload } from "./use-before-unload";
import { useWidgetDraft } from "./use-widget-draft";
import { WidgetFields } from "./WidgetFields";

interface Props {
  api: AdminApi;
  /** The widget to edit; undefined creates one. */
  id: string | undefined;
  product: string | undefined;
  onProduct(id: string): void;
  /** Told whether there are unsaved changes, for the app's navigation. */
  onDirty(dirty: boolean): void;
  onCreated(id: string): void;
  onBack(): void;
}

type Notice = { kind: "saved" | "problem"; text: string };

/** The order errors are visited in: the form's. */
const FORM_ORDER: readonly FieldName[] = [
  "id",
  "name",
  "title",
  "buttonText",
  "algorithm",
  "count",
  "windowDays",
  "layout",
  "accentColor",
  "pages",
];

/**
 * Edits one widget: the form, checked by the template's validation on
 * every change, beside the live preview, which follows every change
 * without a save. Save sends the widget to the edge, which checks it
 * again and bumps the site's config version.
 */
export function WidgetEditor(props: Props): JSX.Element {
  const { api, id } = props;
  const isNew = id === undefined;
  const { base, draft, setDraft, reset, problem: loadProblem } = useWidgetDraft(api, id);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>(
    {},
  );
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);
  const lastValid = useRef<RecommendationSettings | undefined>(undefined);

  const checked = useMemo(() => (draft ? checkDraft(draft) : undefined), [draft]);
  if (checked?.settings) lastValid.current = checked.settings;
  const errors = { ...checked?.errors, ...serverErrors };
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  useBeforeUnload(dirty);
  const { onDirty } = props;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  function forget(field: FieldName) {
    setServerErrors((before) => {
      if (!(field in before)) return before;
      const { [field]: _, ...rest } = before;
      return rest;
    });
    setNotice(undefined);
  }

  function change(next: Partial<Omit<Draft, "settings">>) {
    setDraft((before) => before && { ...before, ...next });
    for (const field of Object.keys(next))
      if (field === "id" || field === "name") forget(field);
  }

  function changeSetting<K extends SettingName>(name: K, value: SettingsDraft[K]) {
    setDraft(
      (before) =>
        before && { ...before, settings: { ...before.settings, [name]: value } },
    );
    forget(name);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || !checked || saving) return;
    const invalid = FORM_ORDER.filter((field) => errors[field]);
    if (invalid.length > 0 || !checked.settings) {
      const count = invalid.length;
      setNotice({
        kind: "problem",
        text: `Not saved: ${count} field${count === 1 ? " needs" : "s need"} fixing.`,
      });
      const first = invalid[0];
      if (first) focusField(first);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveWidget(api, draft, checked.settings, isNew);
      reset(draftOf(saved));
      setNotice({
        kind: "saved",
        text: "Saved. The shop shows this version from its next page view.",
      });
      if (isNew) props.onCreated(saved.id);
    } catch (error) {
      const field = error instanceof ApiProblem ? fieldOf(error.field) : undefined;
      if (error instanceof ApiProblem && field) {
        setServerErrors((before) => ({ ...before, [field]: messageAtField(error) }));
        focusField(field);
      }
      setNotice({
        kind: "problem",
        text: `Not saved: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setSaving(false);
    }
  }

  if (loadProblem) {
    return (
      <main class="editor">
        <p role="alert" class="problem">
          {loadProblem}
        </p>
        <button type="button" onClick={props.onBack}>
          Back to the widgets
        </button>
      </main>
    );
  }
  if (!draft || !base) {
    return (
      <main class="editor">
        <p role="status">Loading the widget…</p>
      </main>
    );
  }

  return (
    <main class="editor">
      <form class="editor-form" onSubmit={save} noValidate aria-labelledby="editor-title">
        <EditorHeader
          title={isNew ? "New widget" : base.name}
          dirty={dirty}
          saving={saving}
          notice={notice}
          onBack={props.onBack}
          onRevert={() => {
            setDraft(base);
            setServerErrors({});
            setNotice(undefined);
          }}
        />
        <WidgetFields draft={draft} isNew={isNew} errors={errors} onChange={change} />
        <SettingsFields
          settings={draft.settings}
          errors={errors}
          onChange={changeSetting}
        />
        <ProductPicker api={api} value={props.product} onValue={props.onProduct} />
      </form>
      <PreviewPane
        api={api}
        widgetId={draft.id || base.id}
        settings={checked?.settings ?? lastValid.current}
        stale={!checked?.settings}
        product={props.product}
      />
    </main>
  );
}

function focusField(field: FieldName): void {
  const id = fieldId(field);
  const element =
    document.getElementById(id) ?? document.querySelector<HTMLElement>(`[name="${id}"]`);
  element?.focus();
}
