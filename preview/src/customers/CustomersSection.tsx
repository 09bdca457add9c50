import type { JSX } from "preact";
import type { SectionProps } from "../app/sections";
import { CustomerProfileView } from "./CustomerProfileView";
import { CustomerSearch } from "./CustomerSearch";
import { SiteDevices } from "./SiteDevices";

/** Paths under /editor/customers/: "" the search, "devices" every device
 * of the site, "c/<id>" one customer's profile. */
const PROFILE = /^c\/(.+)$/;

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function CustomersSection(props: SectionProps): JSX.Element {
  const match = PROFILE.exec(props.path)?.[1];
  const id = match === undefined ? undefined : decoded(match);
  if (id !== undefined) {
    return (
      <CustomerProfileView key={id} api={props.api} id={id} onBack={() => props.go("")} />
    );
  }
  if (props.path === "devices") {
    return <SiteDevices api={props.api} onBack={() => props.go("")} />;
  }
  return (
    <CustomerSearch
      api={props.api}
      open={(customer) => props.go(`c/${encodeURIComponent(customer)}`)}
      allDevices={() => props.go("devices")}
    />
  );
}
