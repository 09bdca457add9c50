import { useEffect, useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import { type Draft, draftOf, newDraft } from "./draft";

/**
 * The widget being edited: `base` as last loaded or saved, `draft` as the
 * form holds it. A new widget starts from the template's defaults.
 */
export function useWidgetDraft(api: AdminApi, id: string | undefined) {
  const [base, setBase] = useState<Draft | undefined>(() =>
    id === undefined ? newDraft() : undefined,
  );
  const [draft, setDraft] = useState<Draft | undefined>(base);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    api.findWidget(id).then(
      (widget) => {
        if (!current) return;
        if (!widget) {
          setProblem(`There is no widget "${id}". It may have been deleted.`);
          return;
        }
        setBase(draftOf(widget));
        setDraft(draftOf(widget));
      },
      (error: unknown) => {
        if (!current) return;
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      current = false;
    };
  }, [api, id]);

  /** Takes a saved version as the new base and draft. */
  const reset = (next: Draft) => {
    setBase(next);
    setDraft(next);
  };

  return { base, draft, setDraft, reset, problem };
}
