import type { JSX } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { pathOf } from "../app/routes";
import type { SectionProps } from "../app/sections";
import { Link } from "../ui/Link";
import { CreateIntegration } from "./CreateIntegration";
import { IntegrationList } from "./IntegrationList";
import { type IntegrationsApi, integrationsApi } from "./integrations-api";
import { KeyReveal } from "./KeyReveal";
import { MonitoringPage } from "./MonitoringPage";
import type { IntegrationRecord, WithKey } from "./types";

type Message = { kind: "done" | "problem"; text: string };

/** /editor/integrations: the list and the form; /editor/integrations/monitoring:
 * the records, health and rejections. */
export function IntegrationsSection(props: SectionProps): JSX.Element {
  const api = useMemo(() => integrationsApi(props.api), [props.api]);
  if (props.path === "monitoring") {
    return <MonitoringPage api={api} onBack={() => props.go("")} />;
  }
  return <IntegrationsPage {...props} api={api} />;
}

function IntegrationsPage(
  props: Omit<SectionProps, "api"> & { api: IntegrationsApi },
): JSX.Element {
  const { api } = props;
  const [integrations, setIntegrations] = useState<IntegrationRecord[]>();
  const [message, setMessage] = useState<Message>();
  const [shown, setShown] = useState<WithKey>();
  const [asking, setAsking] = useState<{
    action: "rotate" | "revoke";
    integration: IntegrationRecord;
  }>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    let current = true;
    api.list().then(
      (list) => current && setIntegrations(list),
      (error: unknown) => current && setMessage(problem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const replace = (saved: IntegrationRecord) =>
    setIntegrations((list) =>
      list?.some((each) => each.id === saved.id)
        ? list.map((each) => (each.id === saved.id ? saved : each))
        : [...(list ?? []), saved],
    );

  async function confirm() {
    if (!asking) return;
    const { action, integration } = asking;
    setAsking(undefined);
    setBusy(integration.id);
    try {
      if (action === "rotate") {
        const rotated = await api.rotate(integration.id);
        replace(rotated.integration);
        setShown(rotated);
        setMessage({ kind: "done", text: `Rotated the key of ${integration.name}.` });
      } else {
        replace(await api.revoke(integration.id));
        setMessage({ kind: "done", text: `Revoked ${integration.name}.` });
      }
    } catch (error) {
      setMessage(problem(error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <main class="integrations">
      <div class="list-header">
        <h1>Integrations</h1>
        <Link
          href={pathOf({ name: "section", section: "integrations", path: "monitoring" })}
          class="button"
          onNavigate={() => props.go("monitoring")}
        >
          Monitoring
        </Link>
      </div>
      <p class={message?.kind === "problem" ? "problem" : "done"} role="status">
        {message?.text}
      </p>
      {shown && (
        <KeyReveal
          name={shown.integration.name}
          secret={shown.key}
          onDone={() => setShown(undefined)}
        />
      )}
      {integrations === undefined ? (
        <p>Loading the integrations…</p>
      ) : (
        <IntegrationList
          integrations={integrations}
          busy={busy}
          asking={asking}
          onAsk={(action, integration) => setAsking({ action, integration })}
          onConfirm={confirm}
          onCancel={() => setAsking(undefined)}
        />
      )}
      <CreateIntegration
        api={api}
        onCreated={(created) => {
          replace(created.integration);
          setShown(created);
          setMessage({ kind: "done", text: `Created ${created.integration.name}.` });
        }}
      />
    </main>
  );
}

function problem(error: unknown): Message {
  return {
    kind: "problem",
    text: error instanceof Error ? error.message : String(error),
  };
}
