import { render } from "preact";
import { App } from "./app/App";
import { createSessionStore } from "./session/session-store";
import "./styles.css";

const root = document.getElementById("app");
if (root) {
  render(
    <App
      request={(input, init) => window.fetch(input, init)}
      sessions={createSessionStore(window.sessionStorage)}
    />,
    root,
  );
}
