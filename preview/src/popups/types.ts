import type { Popup } from "../../../templates/popup/record";

/** A pop-up as the admin API answers it. */
export type PopupRecord = Popup;

/** What `PUT /admin/popups/:id` takes. */
export type PopupBody = Omit<PopupRecord, "id" | "updatedAt">;
