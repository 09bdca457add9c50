import { type Message, useRecordList } from "../ui/use-record-list";
import { copyId, copyName } from "../widgets/copy-id";
import { bodyOf, type PopupsApi } from "./popups-api";
import type { PopupRecord } from "./types";

export type { Message };

/** The site's pop-ups and what the list does to them, each saved at once.
 * `initial` is what the page has to say on arrival. */
export function usePopups(api: PopupsApi, initial: Message | undefined) {
  const { records, setRecords, act, ...list } = useRecordList(api, bodyOf, initial);
  return {
    popups: records,
    ...list,
    // A copy starts disabled: the shop does not change until it is edited
    // and enabled on purpose.
    duplicate: (popup: PopupRecord) =>
      act(popup.id, async () => {
        const id = copyId(popup.id, new Set((records ?? []).map((each) => each.id)));
        const saved = await api.save(id, {
          ...bodyOf(popup),
          name: copyName(popup.name),
          enabled: false,
        });
        setRecords((current) => [...(current ?? []), saved]);
        return { kind: "done", text: `Copied ${popup.name} to "${id}", disabled.` };
      }),
  };
}
