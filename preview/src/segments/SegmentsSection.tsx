import type { JSX } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { SectionProps } from "../app/sections";
import { AutoDeletion } from "./AutoDeletion";
import { NewSegment } from "./NewSegment";
import { ruleText } from "./rule-text";
import { segmentsApi } from "./segments-api";
import type { Retention, SegmentRecord } from "./types";

type Message = { kind: "done" | "problem"; text: string };

/** /editor/segments: the site's segments, and the auto-deletion of their
 * history with its exceptions. */
export function SegmentsSection(props: SectionProps): JSX.Element {
  const api = useMemo(() => segmentsApi(props.api), [props.api]);
  const [segments, setSegments] = useState<SegmentRecord[]>();
  const [retention, setRetention] = useState<Retention>();
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    let current = true;
    Promise.all([api.list(), api.retention()]).then(
      ([list, settings]) => {
        if (!current) return;
        setSegments(list);
        setRetention(settings);
      },
      (error: unknown) => current && setMessage(problem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  async function recompute(segment: SegmentRecord) {
    setBusy(segment.id);
    try {
      const done = await api.recompute(segment.id);
      setSegments(await api.list());
      setMessage({
        kind: "done",
        text: `${segment.name}: ${done.entered} entered, ${done.exited} left, ${done.members} members now.`,
      });
    } catch (error) {
      setMessage(problem(error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <main class="segments">
      <div class="list-header">
        <h1>Segments</h1>
      </div>
      <p class={message?.kind === "problem" ? "problem" : "done"} role="status">
        {message?.text}
      </p>
      {segments === undefined || retention === undefined ? (
        <p>Loading the segments…</p>
      ) : (
        <>
          {segments.length === 0 ? (
            <p>No segments yet. Create one below.</p>
          ) : (
            <table class="segment-list">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Members</th>
                  <th scope="col">History</th>
                  <th scope="col">Recomputed</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {segments.map((segment) => (
                  <tr key={segment.id}>
                    <th scope="row">
                      {segment.name}
                      <div class="hint">
                        <code>{segment.id}</code>
                      </div>
                    </th>
                    <td>{ruleText(segment.rule)}</td>
                    <td>{segment.members.toLocaleString()}</td>
                    <td>
                      {retention.exceptions.includes(segment.id)
                        ? "Kept (exception)"
                        : retention.historyDays === null
                          ? "Kept"
                          : `${retention.historyDays} days`}
                    </td>
                    <td>
                      {segment.computedAt === null
                        ? "not yet"
                        : new Date(segment.computedAt).toLocaleString()}
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={busy === segment.id}
                        aria-label={`Recompute ${segment.name}`}
                        onClick={() => recompute(segment)}
                      >
                        Recompute now
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p class="hint">
            Segments are recomputed every hour; each customer's entries and exits are kept
            as segment history.
          </p>
          <NewSegment
            api={api}
            taken={segments.map((segment) => segment.id)}
            onCreated={(id) => {
              setMessage({
                kind: "done",
                text: `Created ${id}. Its members are counted at the next recompute (hourly, or Recompute now).`,
              });
              api
                .list()
                .then(setSegments, (error: unknown) => setMessage(problem(error)));
            }}
          />
          <AutoDeletion
            api={api}
            segments={segments}
            saved={retention}
            onSaved={setRetention}
          />
        </>
      )}
    </main>
  );
}

function problem(error: unknown): Message {
  return {
    kind: "problem",
    text: error instanceof Error ? error.message : String(error),
  };
}
