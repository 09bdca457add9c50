import { useEffect, useState } from "preact/hooks";
import type { PromotionsApi } from "./promotions-api";
import type { PromotionBody, PromotionRecord } from "./types";

export type Message = { kind: "done" | "problem"; text: string };

/**
 * The site's promotions and what the list does to them, each saved at
 * once. `initial` is what the page has to say on arrival (a save).
 */
export function usePromotions(api: PromotionsApi, initial: Message | undefined) {
  const [promotions, setPromotions] = useState<PromotionRecord[]>();
  const [message, setMessage] = useState(initial);
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    let current = true;
    api.list().then(
      (list) => current && setPromotions(list),
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
    promotions,
    message,
    busy,
    toggle: (promotion: PromotionRecord) =>
      act(promotion.id, async () => {
        const saved = await api.save(promotion.id, {
          ...bodyOfRecord(promotion),
          enabled: !promotion.enabled,
        });
        setPromotions((list) =>
          list?.map((each) => (each.id === saved.id ? saved : each)),
        );
        return {
          kind: "done",
          text: `${saved.name} is ${saved.enabled ? "enabled" : "disabled"}.`,
        };
      }),
    remove: (promotion: PromotionRecord) =>
      act(promotion.id, async () => {
        await api.remove(promotion.id);
        setPromotions((list) => list?.filter((each) => each.id !== promotion.id));
        return { kind: "done", text: `Deleted ${promotion.name}.` };
      }),
  };
}

/** A promotion as the API showed it is what it takes back. */
function bodyOfRecord(promotion: PromotionRecord): PromotionBody {
  const { id: _id, currency: _currency, ...body } = promotion;
  return body;
}

function problem(error: unknown): Message {
  return {
    kind: "problem",
    text: error instanceof Error ? error.message : String(error),
  };
}
