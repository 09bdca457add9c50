import { useEffect, useState } from "preact/hooks";

/** What a list page says after an action: done, or the problem. */
export type Message = { kind: "done" | "problem"; text: string };

/** A saved record a list shows: named, with an enabled switch. */
export interface ListedRecord {
  id: string;
  name: string;
  enabled: boolean;
}

/** The admin routes of one kind of record. */
export interface RecordApi<R, B> {
  list(): Promise<R[]>;
  save(id: string, body: B): Promise<R>;
  remove(id: string): Promise<void>;
}

/**
 * A section's list of records and what the list does to them, each saved
 * at once: loads on arrival, `act` runs one action on a record (its
 * controls wait meanwhile, the outcome becomes the message), and `toggle`
 * and `remove` are the actions every list has. `bodyOf` turns a record as
 * the API answered it into the body that saves it back; `initial` is what
 * the page has to say on arrival (a save).
 */
export function useRecordList<R extends ListedRecord, B>(
  api: RecordApi<R, B>,
  bodyOf: (record: R) => B,
  initial: Message | undefined,
) {
  const [records, setRecords] = useState<R[]>();
  const [message, setMessage] = useState(initial);
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    let current = true;
    api.list().then(
      (list) => current && setRecords(list),
      (error: unknown) => current && setMessage(problem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  async function act(id: string, work: () => Promise<Message>) {
    setBusy(id);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(problem(error));
    } finally {
      setBusy(undefined);
    }
  }

  return {
    records,
    setRecords,
    message,
    busy,
    act,
    toggle: (record: R) =>
      act(record.id, async () => {
        const saved = await api.save(record.id, {
          ...bodyOf(record),
          enabled: !record.enabled,
        });
        setRecords((list) => list?.map((each) => (each.id === saved.id ? saved : each)));
        return {
          kind: "done",
          text: `${saved.name} is ${saved.enabled ? "enabled" : "disabled"}.`,
        };
      }),
    remove: (record: R) =>
      act(record.id, async () => {
        await api.remove(record.id);
        setRecords((list) => list?.filter((each) => each.id !== record.id));
        return { kind: "done", text: `Deleted ${record.name}.` };
      }),
  };
}

function problem(error: unknown): Message {
  return {
    kind: "problem",
    text: error instanceof Error ? error.message : String(error),
  };
}
