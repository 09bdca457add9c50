import type { JSX } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { PopupTemplate } from "../../../templates/popup/contract";
import type { PopupSettings } from "../../../templates/popups";
import { ApiProblem } from "../api/problem";
import type { ProductCard, SiteInfo } from "../api/types";
import { BASE } from "../app/routes";
import { messageAtField } from "../editor/save-widget";
import { useBeforeUnload } from "../editor/use-before-unload";
import { Link } from "../ui/Link";
import { checkDraft, controlOf, type FieldErrors } from "./check-draft";
import {
  draftOf,
  type FrequencyDraft,
  type PopupDraft,
  type TargetingDraft,
} from "./draft";
import { FrequencyFields } from "./FrequencyFields";
import { PopupFields } from "./PopupFields";
import { PopupPreview } from "./PopupPreview";
import type { PopupsApi } from "./popups-api";
import { TargetingFields } from "./TargetingFields";
import { TemplateSettings } from "./TemplateSettings";
import { usePopupDraft } from "./use-popup-draft";

interface Props {
  api: PopupsApi;
  /** An existing pop-up's id, or the template of a new one. */
  target: { id: string } | { template: PopupTemplate };
  site: SiteInfo | undefined;
  products: ProductCard[] | undefined;
  /** What the preview's sample data could not load. */
  sampleProblem: string | undefined;
  onDirty(dirty: boolean): void;
  /** What to say on arrival: a new pop-up's editor, just saved, opens its
   * own again under its id and says so. */
  notice?: Notice;
  /** A new pop-up was saved under `id`. */
  onCreated(id: string): void;
  onBack(): void;
}

export type Notice = { kind: "saved" | "problem"; text: string };

export const SAVED: Notice = {
  kind: "saved",
  text: "Saved. The shop shows this version from its next page view.",
};

/**
 * Edits one pop-up: the form, checked by the templates' own validation on
 * every change, beside the live preview, which follows every change
 * without a save. Save sends the pop-up to the edge, which checks it
 * again; a field it refuses is marked like one the form found.
 */
export function PopupEditor(props: Props): JSX.Element {
  const { api, target } = props;
  const isNew = "template" in target;
  const {
    base,
    draft,
    setDraft,
    reset,
    problem: loadProblem,
  } = usePopupDraft(api, target);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | undefined>(props.notice);
  const [saving, setSaving] = useState(false);
  const lastValid = useRef<PopupSettings[PopupTemplate] | undefined>(undefined);

  const checked = useMemo(() => (draft ? checkDraft(draft) : undefined), [draft]);
  if (checked?.settings) lastValid.current = checked.settings;
  const errors = { ...checked?.errors, ...serverErrors };
  const dirty = JSON.stringify(draft) !== JSON.stringify(base);
  useBeforeUnload(dirty);
  const { onDirty } = props;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty(false), [onDirty]);

  function edit(next: (before: PopupDraft) => PopupDraft, fields: string[]) {
    setDraft((before) => before && next(before));
    setServerErrors((before) => {
      const kept = Object.entries(before).filter(
        ([field]) => !fields.some((changed) => field.startsWith(changed)),
      );
      return kept.length === Object.keys(before).length
        ? before
        : Object.fromEntries(kept);
    });
    setNotice(undefined);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || !checked || saving) return;
    const invalid = Object.keys(errors);
    if (invalid.length > 0 || !checked.body) {
      const count = invalid.length;
      setNotice({
        kind: "problem",
        text: `Not saved: ${count} field${count === 1 ? " needs" : "s need"} fixing.`,
      });
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    try {
      const saved = await api.save(draft.id, checked.body);
      reset(draftOf(saved));
      setNotice(SAVED);
      if (isNew) props.onCreated(saved.id);
    } catch (error) {
      if (error instanceof ApiProblem && error.field) {
        const field = controlOf(error.field);
        setServerErrors((before) => ({ ...before, [field]: messageAtField(error) }));
        // After the render that shows the message beside the field.
        setTimeout(focusFirstInvalid);
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
          Back to the pop-ups
        </button>
      </main>
    );
  }
  if (!draft || !base) {
    return (
      <main class="editor">
        <p role="status">Loading the pop-up…</p>
      </main>
    );
  }

  return (
    <main class="editor popup-editor">
      <form class="editor-form" onSubmit={save} noValidate aria-labelledby="editor-title">
        <header class="editor-header">
          <Link href={`${BASE}popups`} class="back" onNavigate={props.onBack}>
            ← Pop-ups
          </Link>
          <h1 id="editor-title">{isNew ? "New pop-up" : base.name}</h1>
          <div class="editor-actions">
            <button type="submit" class="primary" disabled={saving}>
              {saving ? "Saving…" : "Save"}
            </button>
            <button
              type="button"
              disabled={!dirty}
              onClick={() => {
                setDraft(base);
                setServerErrors({});
                setNotice(undefined);
              }}
            >
              Revert
            </button>
            <span class="dirty" aria-live="polite">
              {dirty ? "Unsaved changes" : ""}
            </span>
          </div>
          {notice && (
            <p
              class={notice.kind === "saved" ? "saved" : "problem"}
              role={notice.kind === "saved" ? "status" : "alert"}
            >
              {notice.text}
            </p>
          )}
        </header>
        <PopupFields
          draft={draft}
          errors={errors}
          onChange={(change) =>
            edit((before) => ({ ...before, ...change }), Object.keys(change))
          }
        />
        <TemplateSettings
          draft={draft}
          errors={errors}
          onChange={(name, value) =>
            edit(
              (before) => ({
                ...before,
                settings: { ...before.settings, [name]: value },
              }),
              [`settings.${name}`],
            )
          }
        />
        <TargetingFields
          targeting={draft.targeting}
          errors={errors}
          onChange={(change: Partial<TargetingDraft>) =>
            edit(
              (before) => ({ ...before, targeting: { ...before.targeting, ...change } }),
              Object.keys(change).map((name) => `targeting.${name}`),
            )
          }
          onRules={(change) =>
            edit(
              (before) => ({
                ...before,
                targeting: { ...before.targeting, pages: change(before.targeting.pages) },
              }),
              ["targeting.pages"],
            )
          }
        />
        <FrequencyFields
          frequency={draft.frequency}
          errors={errors}
          onChange={(change: Partial<FrequencyDraft>) =>
            edit(
              (before) => ({ ...before, frequency: { ...before.frequency, ...change } }),
              Object.keys(change).map((name) => `frequency.${name}`),
            )
          }
        />
      </form>
      <PopupPreview
        template={draft.template}
        settings={checked?.settings ?? lastValid.current}
        stale={!checked?.settings}
        site={props.site}
        products={props.products}
        sampleProblem={props.sampleProblem}
        devices={draft.targeting.devices}
      />
    </main>
  );
}

/** Moves focus to the first control the form marks as invalid, in the
 * form's order. */
function focusFirstInvalid(): void {
  const first = document.querySelector<HTMLElement>(
    '.editor-form [aria-invalid="true"], .editor-form .invalid input',
  );
  first?.focus();
}
