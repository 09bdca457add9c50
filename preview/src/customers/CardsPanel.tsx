import type { JSX } from "preact";
import type { Card, CardField } from "./types";

function show(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/** The customer's discount cards with the site's custom fields. */
export function CardsPanel(props: { cards: Card[]; fields: CardField[] }): JSX.Element {
  if (props.cards.length === 0) return <p class="hint">No discount card.</p>;
  return (
    <table class="card-table">
      <thead>
        <tr>
          <th>Card number</th>
          <th>Status</th>
          <th>Balance</th>
          <th>Level</th>
          {props.fields.map((field) => (
            <th key={field.name}>
              {field.name}
              {field.required ? " *" : ""}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.cards.map((card) => (
          <tr key={card.number}>
            <td>
              <code>{card.number}</code>
            </td>
            <td>{card.status}</td>
            <td>{show(card.balance)}</td>
            <td>{show(card.level)}</td>
            {props.fields.map((field) => (
              <td key={field.name}>{show(card.fields[field.name])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
