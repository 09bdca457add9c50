import { type Message, useRecordList } from "../ui/use-record-list";
import type { PromotionsApi } from "./promotions-api";
import type { PromotionBody, PromotionRecord } from "./types";

export type { Message };

/** The site's promotions and what the list does to them, each saved at
 * once. `initial` is what the page has to say on arrival (a save). */
export function usePromotions(api: PromotionsApi, initial: Message | undefined) {
  const { records, ...list } = useRecordList(api, bodyOfRecord, initial);
  return { promotions: records, ...list };
}

/** A promotion as the API showed it is what it takes back. */
function bodyOfRecord(promotion: PromotionRecord): PromotionBody {
  const { id: _id, currency: _currency, ...body } = promotion;
  return body;
}
