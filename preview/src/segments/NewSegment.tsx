import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { ID_RULE, isId } from "../../../edge/http/identifiers";
import { ApiProblem } from "../api/problem";
import type { SegmentsApi } from "./segments-api";
import type { SegmentRule } from "./types";

interface Props {
  api: SegmentsApi;
  taken: readonly string[];
  onCreated(id: string): void;
}

/** The rules this form makes. A discount card field rule needs the site's
 * card fields to pick from and a value of the field's type; it is made
 * through the admin API for now (PUT /admin/segments/:id). */
const RULES: {
  type: Exclude<SegmentRule["type"], "discount_card_field">;
  label: string;
}[] = [
  { type: "bought_within_days", label: "Ordered in the last … days" },
  { type: "orders_at_least", label: "At least … orders in the last … days" },
  { type: "inactive_for_days", label: "No visit for … days or more" },
];

/** A form for a new segment. The edge checks the rule again; its answer
 * shows at the field it names. */
export function NewSegment({ api, taken, onCreated }: Props): JSX.Element {
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [type, setType] = useState<(typeof RULES)[number]["type"]>("bought_within_days");
  const [days, setDays] = useState("30");
  const [orders, setOrders] = useState("3");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function rule(): SegmentRule {
    const count = Number(days);
    return type === "orders_at_least"
      ? { type, days: count, orders: Number(orders) }
      : { type, days: count };
  }

  async function submit(event: Event) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!isId(id) || id === "retention")
      found.id = `The id ${ID_RULE}, and not "retention".`;
    else if (taken.includes(id)) found.id = `A segment "${id}" exists already.`;
    if (name.trim() === "") found.name = "Give it a name.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.save(id, { name: name.trim(), rule: rule() });
      setId("");
      setName("");
      onCreated(id);
    } catch (error) {
      const field = error instanceof ApiProblem ? error.field : undefined;
      const key =
        field === "rule.days" ? "days" : field === "rule.orders" ? "orders" : "form";
      setErrors({ [key]: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const error = (key: string) =>
    errors[key] && (
      <p id={`segment-${key}-error`} class="field-error">
        {errors[key]}
      </p>
    );
  const described = (key: string) => (errors[key] ? `segment-${key}-error` : undefined);

  return (
    <form class="new-segment" onSubmit={submit} aria-labelledby="new-segment-title">
      <h2 id="new-segment-title">New segment</h2>
      <div class="field">
        <label for="segment-id">Id</label>
        <input
          id="segment-id"
          value={id}
          aria-describedby={described("id")}
          onInput={(event) => setId(event.currentTarget.value)}
        />
        {error("id")}
      </div>
      <div class="field">
        <label for="segment-name">Name</label>
        <input
          id="segment-name"
          value={name}
          maxLength={80}
          aria-describedby={described("name")}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        {error("name")}
      </div>
      <div class="field">
        <label for="segment-rule">Rule</label>
        <select
          id="segment-rule"
          value={type}
          onChange={(event) =>
            setType(event.currentTarget.value as (typeof RULES)[number]["type"])
          }
        >
          {RULES.map((each) => (
            <option key={each.type} value={each.type}>
              {each.label}
            </option>
          ))}
        </select>
      </div>
      {type === "orders_at_least" && (
        <div class="field">
          <label for="segment-orders">Orders</label>
          <input
            id="segment-orders"
            type="number"
            min={1}
            value={orders}
            aria-describedby={described("orders")}
            onInput={(event) => setOrders(event.currentTarget.value)}
          />
          {error("orders")}
        </div>
      )}
      <div class="field">
        <label for="segment-days">Days</label>
        <input
          id="segment-days"
          type="number"
          min={1}
          max={365}
          value={days}
          aria-describedby={described("days")}
          onInput={(event) => setDays(event.currentTarget.value)}
        />
        {error("days")}
      </div>
      {error("form")}
      <p class="hint">
        A rule on a discount card's field (loyalty levels) is made through the admin API
        for now: PUT /admin/segments/:id with a discount_card_field rule.
      </p>
      <button type="submit" class="primary" disabled={busy}>
        Create segment
      </button>
    </form>
  );
}
