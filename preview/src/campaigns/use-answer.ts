import { useEffect, useState } from "preact/hooks";

export type Answer<T> =
  | { state: "loading" }
  | { state: "done"; value: T }
  | { state: "problem"; message: string };

/** Loads `load()` again whenever `key` changes; an answer that arrives
 * after the key moved on is dropped. */
export function useAnswer<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [answer, setAnswer] = useState<Answer<T>>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setAnswer({ state: "loading" });
    load(controller.signal).then(
      (value) => !controller.signal.aborted && setAnswer({ state: "done", value }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setAnswer({
          state: "problem",
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => controller.abort();
  }, [key]);
  return answer;
}
