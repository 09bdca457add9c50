import { useEffect, useState } from "preact/hooks";
import { copyId, copyName } from "../widgets/copy-id";
import { bodyOf, type PopupsApi } from "./popups-api";
import type { PopupRecord } from "./types";

export type Message = { kind: "done" | "problem"; text: string };

/**
 * The site's pop-ups and what the list does to them, each saved at once.
 * `initial` is what the page has to say on arrival.
 */
export function usePopups(api: PopupsApi, initial: Message | undefined) {
  const [popups, setPopups] = useState<PopupRecord[]>();
  const [message, setMessage] = useState(initial);
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    let current = true;
    api.list().then(
      (list) => current && setPopups(list),
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
    popups,
    message,
    busy,
    toggle: (popup: PopupRecord) =>
      act(popup.id, async () => {
        const saved = await api.save(popup.id, {
          ...bodyOf(popup),
          enabled: !popup.enabled,
        });
        setPopups((list) => list?.map((each) => (each.id === saved.id ? saved : each)));
        return {
          kind: "done",
          text: `${saved.name} is ${saved.enabled ? "enabled" : "disabled"}.`,
        };
      }),
    // A copy starts disabled: the shop does not change until it is edited
    // and enabled on purpose.
    duplicate: (popup: PopupRecord) =>
      act(popup.id, async () => {
        const id = copyId(popup.id, new Set((popups ?? []).map((each) => each.id)));
        const saved = await api.save(id, {
          ...bodyOf(popup),
          name: copyName(popup.name),
          enabled: false,
        });
        setPopups((list) => [...(list ?? []), saved]);
        return { kind: "done", text: `Copied ${popup.name} to "${id}", disabled.` };
      }),
    remove: (popup: PopupRecord) =>
      act(popup.id, async () => {
        await api.remove(popup.id);
        setPopups((list) => list?.filter((each) => each.id !== popup.id));
        return { kind: "done", text: `Deleted ${popup.name}.` };
      }),
  };
}

function problem(error: unknown): Message {
  return {
    kind: "problem",
    text: error instanceof Error ? error.message : String(error),
  };
}
