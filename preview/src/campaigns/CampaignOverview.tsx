import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { pathOf } from "../app/routes";
import { Link } from "../ui/Link";
import { FallingFlags } from "./FallingFlags";
import { RateCell, RateHeading } from "./RateCell";
import { type Sort, type SortKey, sortCampaigns } from "./sort";
import type { Overview } from "./types";

/** Every campaign of the site over the period: counts, each rate with its
 * formula and its line day by day, and the falling flags. Sorted by any
 * column; a second click reverses. */
export function CampaignOverview(props: {
  overview: Overview;
  open(campaign: string): void;
}): JSX.Element {
  const { overview } = props;
  const [sort, setSort] = useState<Sort>({ key: "name", descending: false });
  const rows = sortCampaigns(overview.campaigns, sort);

  const sortButton = (key: SortKey, label: string) => (
    <button
      type="button"
      class="sort"
      onClick={() =>
        setSort((now) => ({
          key,
          descending: now.key === key ? !now.descending : key !== "name",
        }))
      }
    >
      {label}
      {sort.key === key ? (sort.descending ? " ↓" : " ↑") : ""}
    </button>
  );
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.descending ? "descending" : "ascending") : undefined;

  if (rows.length === 0) {
    return (
      <p>No campaigns yet. Create one with PUT /admin/communications/campaigns/:id.</p>
    );
  }
  return (
    <div class="table-scroll">
      <table class="campaigns">
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort("name")}>
              {sortButton("name", "Campaign")}
            </th>
            <th scope="col" aria-sort={ariaSort("sent")}>
              {sortButton("sent", "Sent")}
            </th>
            <th scope="col" aria-sort={ariaSort("delivered")}>
              {sortButton("delivered", "Delivered")}
            </th>
            {overview.rates.map((rate) => (
              <RateHeading
                key={rate.id}
                label={rate.label}
                formula={rate.formula}
                sort={ariaSort(rate.id)}
              >
                {sortButton(rate.id, rate.label)}
              </RateHeading>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-campaign={row.id}>
              <th scope="row">
                <Link
                  href={pathOf({
                    name: "section",
                    section: "campaigns",
                    path: `c/${encodeURIComponent(row.id)}`,
                  })}
                  onNavigate={() => props.open(row.id)}
                >
                  {row.name}
                </Link>
                <span class="channels">{row.channels.join(", ")}</span>
                <FallingFlags
                  falling={row.falling}
                  rates={overview.rates}
                  campaign={row.id}
                  open={props.open}
                />
              </th>
              <td>{row.counts.sent}</td>
              <td>{row.counts.delivered}</td>
              {overview.rates.map((rate) => (
                <RateCell
                  key={rate.id}
                  rate={row.rates[rate.id]}
                  label={`${rate.label} of ${row.name}`}
                  series={row.series[rate.id]}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
