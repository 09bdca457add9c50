import type { JSX } from "preact";
import { FallingFlags } from "./FallingFlags";
import { percent } from "./format";
import { RateCell, RateHeading } from "./RateCell";
import type { CampaignDetail } from "./types";

const COUNTS = ["sent", "delivered", "deferred", "bounced", "opened", "clicked"] as const;

/** One campaign's messages over the period, each with its counts, rates
 * and falling flags. */
export function CampaignMessages(props: {
  detail: CampaignDetail;
  onBack(): void;
}): JSX.Element {
  const { detail } = props;
  const { campaign } = detail;
  return (
    <>
      <p>
        <button type="button" class="link" onClick={props.onBack}>
          ← All campaigns
        </button>
      </p>
      <h2>{campaign.name}</h2>
      <FallingFlags
        falling={campaign.falling}
        rates={detail.rates}
        campaign={campaign.id}
      />
      <div class="table-scroll">
        <table class="campaign-messages">
          <thead>
            <tr>
              <th scope="col">Message</th>
              {COUNTS.map((metric) => (
                <th scope="col" key={metric}>
                  {metric[0]?.toUpperCase()}
                  {metric.slice(1)}
                </th>
              ))}
              {detail.rates.map((rate) => (
                <RateHeading key={rate.id} label={rate.label} formula={rate.formula} />
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.messages.map((message) => (
              <tr key={message.id} data-message={message.id}>
                <th scope="row">
                  {message.subject}
                  <span class="channels">
                    <code>{message.id}</code> · {message.channel}
                  </span>
                  {message.falling.length > 0 && (
                    <ul class="falling">
                      {message.falling.map((each) => (
                        <li key={each.rate}>
                          ▼ {detail.rates.find((r) => r.id === each.rate)?.label} falling:{" "}
                          {percent(each.current)}, was {percent(each.previous)}
                        </li>
                      ))}
                    </ul>
                  )}
                </th>
                {COUNTS.map((metric) => (
                  <td key={metric}>{message.counts[metric]}</td>
                ))}
                {detail.rates.map((rate) => (
                  <RateCell
                    key={rate.id}
                    rate={message.rates[rate.id]}
                    label={rate.label}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
