import { useEffect } from "preact/hooks";

/** While `dirty`, closing the tab, reloading or leaving the editor for
 * another site makes the browser ask first. (In-app navigation asks
 * through the editor's own dialog; see app/App.tsx.) */
export function useBeforeUnload(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chrome before 119 asks only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);
}
