import type { JSX } from "preact";
import { CopyButton } from "./CopyButton";
import { dateTime, duration } from "./format";
import type { Participation } from "./types";

type Delivery = Participation["deliveries"][number];

function Summary({ delivery }: { delivery: Delivery }): JSX.Element {
  const tries = delivery.attempts === 1 ? "1 attempt" : `${delivery.attempts} attempts`;
  return (
    <p class="delivery-summary">
      <strong class={`state state-${delivery.state}`}>{delivery.state}</strong> after{" "}
      {tries}
      {delivery.delayMs !== null && (
        <>
          {" "}
          · delivered {duration(delivery.delayMs)} after it was{" "}
          {delivery.queuedAt === null ? "first tried" : "queued"}
        </>
      )}
      {" · to "}
      <code>{delivery.recipient}</code>
      {!delivery.address.deliverable && (
        <span class="undeliverable">
          {" "}
          · not deliverable: {delivery.address.reason ?? "no reason recorded"}
        </span>
      )}
    </p>
  );
}

/** A customer's messages, newest first: every event, with the receiving
 * server's answer, and the whole story as text to copy for the domain's
 * owner. Texts from the sending service are shown as text, never markup. */
export function ParticipationView(props: { answer: Participation }): JSX.Element {
  const { deliveries } = props.answer;
  if (deliveries.length === 0) {
    return (
      <p>
        No messages for customer <code>{props.answer.customer}</code>. Check the id: it is
        the one your sending service reports.
      </p>
    );
  }
  return (
    <ol class="participation">
      {deliveries.map((delivery) => (
        <li key={delivery.message.id} class="delivery" data-message={delivery.message.id}>
          <h3>
            {delivery.message.subject ?? delivery.message.id}{" "}
            <span class="channels">
              {delivery.message.campaignName ?? delivery.message.campaign} ·{" "}
              {delivery.message.channel}
            </span>
          </h3>
          <Summary delivery={delivery} />
          <table class="timeline">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Event</th>
                <th scope="col">Server's answer</th>
              </tr>
            </thead>
            <tbody>
              {delivery.events.map((event) => (
                <tr key={event.id} class={`event-${event.type}`}>
                  <td>{dateTime(event.at)}</td>
                  <td>
                    {event.type}
                    {event.bounceKind ? ` (${event.bounceKind})` : ""}
                  </td>
                  <td>
                    {event.answer ? <code class="answer">{event.answer}</code> : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <CopyButton text={delivery.transcript} label="Copy the server's answers" />
          <pre class="transcript">{delivery.transcript}</pre>
        </li>
      ))}
    </ol>
  );
}
