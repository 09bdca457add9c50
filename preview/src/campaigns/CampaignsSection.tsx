import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { pathOf } from "../app/routes";
import type { SectionProps } from "../app/sections";
import { Link } from "../ui/Link";
import { CampaignMessages } from "./CampaignMessages";
import { CampaignOverview } from "./CampaignOverview";
import { periodQuery } from "./format";
import { ParticipationView } from "./ParticipationView";
import { PeriodPicker } from "./PeriodPicker";
import type { CampaignDetail, Overview, Participation, PeriodChoice } from "./types";
import { type Answer, useAnswer } from "./use-answer";

/** Paths under /editor/campaigns/: "" the overview, "c/<id>" one
 * campaign's messages, "customer" and "customer/<id>" a customer's
 * message participation. */
const CAMPAIGN = /^c\/(.+)$/;
const CUSTOMER = /^customer(?:\/(.+))?$/;

function decoded(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function Shown<T>(props: {
  answer: Answer<T>;
  children(value: T): JSX.Element;
}): JSX.Element {
  const { answer } = props;
  if (answer.state === "loading") return <p>Loading…</p>;
  if (answer.state === "problem") {
    return (
      <p class="problem" role="alert">
        {answer.message} Change the period or reload the page to try again.
      </p>
    );
  }
  return props.children(answer.value);
}

function Metrics(
  props: SectionProps & {
    campaign?: string;
    period: PeriodChoice;
    setPeriod(period: PeriodChoice): void;
  },
): JSX.Element {
  const { period, setPeriod } = props;
  const query = periodQuery(period);
  const path = props.campaign
    ? `/communications/campaigns/${encodeURIComponent(props.campaign)}${query}`
    : `/communications/campaigns${query}`;
  const answer = useAnswer(path, (signal) =>
    props.api.request<Overview | CampaignDetail>(path, { signal }),
  );
  const legend = answer.state === "done" ? answer.value : undefined;
  return (
    <>
      {legend && (
        <PeriodPicker
          key={`${legend.period.from}:${legend.period.to}`}
          shown={legend.period}
          onChange={setPeriod}
        />
      )}
      {legend && (
        <p class="hint">
          {legend.period.from} to {legend.period.to} ({legend.period.days} days).{" "}
          {legend.counting} {legend.fallingRule}
        </p>
      )}
      <Shown answer={answer}>
        {(value) =>
          "campaigns" in value ? (
            <CampaignOverview
              overview={value}
              open={(id) => props.go(`c/${encodeURIComponent(id)}`)}
            />
          ) : (
            <CampaignMessages detail={value} onBack={() => props.go("")} />
          )
        }
      </Shown>
    </>
  );
}

function CustomerSearch(props: SectionProps & { customer?: string }): JSX.Element {
  const [typed, setTyped] = useState(props.customer ?? "");
  return (
    <>
      <form
        class="participation-search"
        onSubmit={(event) => {
          event.preventDefault();
          // Read from the form, not from state: a submit right after a
          // keystroke comes before the re-render.
          const id = String(
            new FormData(event.currentTarget).get("customer") ?? "",
          ).trim();
          if (id) props.go(`customer/${encodeURIComponent(id)}`);
        }}
      >
        <label for="participation-customer">Customer id</label>{" "}
        <input
          id="participation-customer"
          name="customer"
          value={typed}
          maxLength={128}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />{" "}
        <button type="submit" class="primary">
          Show messages
        </button>
      </form>
      {props.customer && <CustomerTimeline {...props} customer={props.customer} />}
    </>
  );
}

function CustomerTimeline(props: SectionProps & { customer: string }): JSX.Element {
  const path = `/communications/customers/${encodeURIComponent(props.customer)}`;
  const answer = useAnswer(path, (signal) =>
    props.api.request<Participation>(path, { signal }),
  );
  return <Shown answer={answer}>{(value) => <ParticipationView answer={value} />}</Shown>;
}

/** The Campaigns section: the metrics dashboard and a customer's message
 * participation. */
export function CampaignsSection(props: SectionProps): JSX.Element {
  // Kept here, so that the period stays chosen from the overview to a
  // campaign's messages and back.
  const [period, setPeriod] = useState<PeriodChoice>({});
  const campaign = decoded(CAMPAIGN.exec(props.path)?.[1]);
  const customerMatch = CUSTOMER.exec(props.path);
  const onCustomers = customerMatch !== null;
  const tab = (path: string, label: string, current: boolean) => (
    <Link
      href={pathOf({ name: "section", section: "campaigns", path })}
      class={current ? "current" : undefined}
      ariaCurrent={current}
      onNavigate={() => props.go(path)}
    >
      {label}
    </Link>
  );
  return (
    <main class="campaigns-section">
      <div class="list-header">
        <h1>Campaigns</h1>
        <nav class="tabs" aria-label="Campaigns">
          {tab("", "Metrics", !onCustomers)}
          {tab("customer", "Customer participation", onCustomers)}
        </nav>
      </div>
      {onCustomers ? (
        <CustomerSearch
          key="customers"
          {...props}
          customer={decoded(customerMatch?.[1])}
        />
      ) : (
        <Metrics
          key={campaign ?? ""}
          {...props}
          campaign={campaign}
          period={period}
          setPeriod={setPeriod}
        />
      )}
    </main>
  );
}
