import { useEffect, useRef, useState } from "preact/hooks";
import { ApiProblem } from "../api/problem";
import type { PromotionsApi } from "./promotions-api";
import type { ExampleRequest, RoundingExample } from "./types";

const DELAY_MS = 250;

/**
 * The edge's pricing of the sample cart both ways, asked again 250 ms after
 * the request last changed (the first time at once), and whenever
 * `refresh` changes (the promotions did). An answer to an older request
 * is dropped. On a refusal the last answer stays, with the problem.
 */
export function useRoundingExample(
  api: PromotionsApi,
  request: ExampleRequest | undefined,
  refresh: unknown,
) {
  const [answer, setAnswer] = useState<RoundingExample>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);
  const asked = useRef(false);
  const key = request && JSON.stringify(request);

  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    const settle = (next: RoundingExample | undefined, refusal?: ApiProblem) => {
      if (controller.signal.aborted) return;
      if (next) setAnswer(next);
      setProblem(refusal);
      setPending(false);
    };
    setPending(true);
    const timer = setTimeout(
      () =>
        api.example(JSON.parse(key) as ExampleRequest, controller.signal).then(
          (next) => settle(next),
          (error: unknown) => settle(undefined, problemOf(error)),
        ),
      asked.current ? DELAY_MS : 0,
    );
    asked.current = true;
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, refresh]);

  return { answer, problem, pending };
}

function problemOf(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem(
    0,
    "error",
    error instanceof Error ? error.message : String(error),
  );
}
