import type { JSX } from "preact";
import { pathOf } from "../app/routes";
import { Link } from "../ui/Link";
import { percent } from "./format";
import type { Falling, RateInfo } from "./types";

/** "Open rate falling: 9.1 % (was 38.0 %)", one line per rate that fell,
 * each linking to the campaign's messages unless they are on screen
 * already (no `open`). */
export function FallingFlags(props: {
  falling: Falling[];
  rates: RateInfo[];
  campaign: string;
  open?(campaign: string): void;
}): JSX.Element | null {
  if (props.falling.length === 0) return null;
  const label = (id: string) => props.rates.find((rate) => rate.id === id)?.label ?? id;
  const href = pathOf({
    name: "section",
    section: "campaigns",
    path: `c/${encodeURIComponent(props.campaign)}`,
  });
  return (
    <ul class="falling">
      {props.falling.map((each) => {
        const which = each.message ? ` (message ${each.message})` : "";
        const text = `▼ ${label(each.rate)} falling${which}: ${percent(each.current)}, was ${percent(each.previous)}`;
        const { open } = props;
        return (
          <li key={`${each.rate}:${each.message ?? ""}`}>
            {open ? (
              <Link href={href} onNavigate={() => open(props.campaign)}>
                {text}
              </Link>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
