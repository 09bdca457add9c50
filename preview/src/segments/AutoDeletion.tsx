import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { SegmentsApi } from "./segments-api";
import type { Retention, SegmentRecord } from "./types";

interface Props {
  api: SegmentsApi;
  segments: SegmentRecord[];
  saved: Retention;
  onSaved(saved: Retention): void;
}

const DEFAULT_DAYS = 90;
const PREVIEW_DELAY_MS = 250;

/**
 * Auto-deletion of segment history: how old history may get, and the
 * segments whose history is kept whatever its age. The count of rows the
 * next run would remove follows the form as it is, saved or not.
 */
export function AutoDeletion({ api, segments, saved, onSaved }: Props): JSX.Element {
  const [enabled, setEnabled] = useState(saved.historyDays !== null);
  const [days, setDays] = useState(String(saved.historyDays ?? DEFAULT_DAYS));
  const [exceptions, setExceptions] = useState<string[]>(saved.exceptions);
  const [preview, setPreview] = useState<{ rows: number; maxRowsPerRun: number }>();
  const [status, setStatus] = useState<{ kind: "done" | "problem"; text: string }>();
  const [busy, setBusy] = useState(false);

  const parsed = Number(days);
  const daysError =
    enabled && !(Number.isInteger(parsed) && parsed >= 1 && parsed <= 3650)
      ? "Enter a whole number of days from 1 to 3650."
      : undefined;
  const draft: Retention = {
    historyDays: enabled ? parsed : null,
    exceptions: [...exceptions].sort(),
  };
  const draftKey = JSON.stringify(draft);
  const changed =
    draftKey !== JSON.stringify({ ...saved, exceptions: [...saved.exceptions].sort() });

  useEffect(() => {
    if (daysError) {
      setPreview(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.preview(JSON.parse(draftKey) as Retention, controller.signal).then(
        (answer) => setPreview(answer),
        (error: unknown) => {
          if (!controller.signal.aborted) setStatus(problem(error));
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, draftKey, daysError]);

  async function save(event: Event) {
    event.preventDefault();
    if (daysError) return;
    setBusy(true);
    try {
      const answer = await api.saveRetention(draft);
      onSaved(answer);
      setStatus({ kind: "done", text: "Saved. The next hourly run applies it." });
    } catch (error) {
      setStatus(problem(error));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setExceptions((now) => (on ? [...now, id] : now.filter((each) => each !== id)));

  return (
    <form class="auto-deletion" onSubmit={save} aria-labelledby="auto-deletion-title">
      <h2 id="auto-deletion-title">Auto-deletion of segment history</h2>
      <div class="field check">
        <input
          id="retention-enabled"
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled(event.currentTarget.checked)}
        />
        <label for="retention-enabled">Delete segment history older than</label>
        <input
          id="retention-days"
          type="number"
          min={1}
          max={3650}
          value={days}
          disabled={!enabled}
          aria-label="Days of history to keep"
          aria-invalid={daysError ? true : undefined}
          aria-describedby={daysError ? "retention-days-error" : undefined}
          onInput={(event) => setDays(event.currentTarget.value)}
        />
        <span>days</span>
      </div>
      {daysError && (
        <p id="retention-days-error" class="field-error">
          {daysError}
        </p>
      )}
      <fieldset class="choices exceptions">
        <legend>Exceptions: keep all history of these segments</legend>
        {segments.length === 0 && <p class="hint">The site has no segments yet.</p>}
        {segments.map((segment) => (
          <label key={segment.id} class="choice">
            <input
              type="checkbox"
              value={segment.id}
              checked={exceptions.includes(segment.id)}
              onChange={(event) => toggle(segment.id, event.currentTarget.checked)}
            />
            {segment.name}
          </label>
        ))}
      </fieldset>
      <p class="retention-preview" role="status" aria-live="polite">
        {!enabled
          ? "Nothing is deleted: history is kept for ever."
          : preview === undefined
            ? "Counting…"
            : previewText(preview, changed)}
      </p>
      <p class={status?.kind === "problem" ? "problem" : "done"}>{status?.text}</p>
      <button
        type="submit"
        class="primary"
        disabled={busy || !changed || daysError !== undefined}
      >
        Save auto-deletion
      </button>
    </form>
  );
}

function previewText(
  preview: { rows: number; maxRowsPerRun: number },
  changed: boolean,
): string {
  const { rows, maxRowsPerRun } = preview;
  const lead = changed ? "Once saved, the next run removes" : "The next run removes";
  if (rows > maxRowsPerRun) {
    return `${rows.toLocaleString()} rows are past the limit: ${lead.toLowerCase()} ${maxRowsPerRun.toLocaleString()}, the runs after it the rest.`;
  }
  return `${lead} ${rows.toLocaleString()} ${rows === 1 ? "row" : "rows"}.`;
}

function problem(error: unknown): { kind: "problem"; text: string } {
  return {
    kind: "problem",
    text: error instanceof Error ? error.message : String(error),
  };
}
