import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import { when } from "./labels";

interface Found {
  id: string;
  firstSeen: number;
  lastSeen: number;
}

/** Search by customer id (any part of it), most recently seen first. */
export function CustomerSearch(props: {
  api: AdminApi;
  open(id: string): void;
  allDevices(): void;
}): JSX.Element {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ q: query.trim(), limit: "20" });
      props.api.request<{ customers: Found[] }>(`/customers?${params}`).then(
        (answer) => {
          if (!current) return;
          setFound(answer.customers);
          setProblem(undefined);
        },
        (error: Error) => current && setProblem(error.message),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [props.api, query]);

  return (
    <section class="customers">
      <h1>Customers</h1>
      <form
        class="customer-search"
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim()) props.open(query.trim());
        }}
      >
        <label for="customer-query">Customer id</label>
        <input
          id="customer-query"
          value={query}
          maxLength={128}
          onInput={(event) => setQuery(event.currentTarget.value)}
          placeholder="e.g. c-42 or part of an email"
        />
        <button type="submit" class="button">
          Open
        </button>
        <button type="button" class="button" onClick={props.allDevices}>
          All devices
        </button>
      </form>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {found && found.length === 0 && (
        <p class="hint">No customer id contains "{query}".</p>
      )}
      {found && found.length > 0 && (
        <ul class="customer-results">
          {found.map((customer) => (
            <li key={customer.id}>
              <button type="button" class="link" onClick={() => props.open(customer.id)}>
                {customer.id}
              </button>
              <span class="hint"> last seen {when(customer.lastSeen)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
