import { useEffect, useState } from "preact/hooks";
import type { PopupTemplate } from "../../../templates/popup/contract";
import { draftOf, newDraft, type PopupDraft } from "./draft";
import { TEMPLATE_LABELS } from "./labels";
import type { PopupsApi } from "./popups-api";

/**
 * The pop-up being edited: `base` as last loaded or saved, `draft` as the
 * form holds it. A new one starts from its template's defaults.
 */
export function usePopupDraft(
  api: PopupsApi,
  target: { id: string } | { template: PopupTemplate },
) {
  const id = "id" in target ? target.id : undefined;
  const [base, setBase] = useState<PopupDraft | undefined>(() =>
    "template" in target
      ? newDraft(target.template, TEMPLATE_LABELS[target.template].label)
      : undefined,
  );
  const [draft, setDraft] = useState<PopupDraft | undefined>(base);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    api.find(id).then(
      (popup) => {
        if (!current) return;
        setBase(draftOf(popup));
        setDraft(draftOf(popup));
      },
      (error: unknown) => {
        if (!current) return;
        const text = error instanceof Error ? error.message : String(error);
        setProblem(`The pop-up did not load: ${text}`);
      },
    );
    return () => {
      current = false;
    };
  }, [api, id]);

  /** Takes a saved version as the new base and draft. */
  const reset = (next: PopupDraft) => {
    setBase(next);
    setDraft(next);
  };

  return { base, draft, setDraft, reset, problem };
}
