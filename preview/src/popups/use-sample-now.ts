import { useRef } from "preact/hooks";
import type { PopupTemplate } from "../../../templates/popup/contract";
import type { PopupSettings } from "../../../templates/popups";

/**
 * When the preview's sample was taken. It moves only when what a
 * countdown's end depends on changes (its mode, deadline or duration), so
 * that typing its title does not restart the timer.
 */
export function useSampleNow(
  template: PopupTemplate,
  settings: PopupSettings[PopupTemplate] | undefined,
): number {
  const timing =
    template === "countdown" && settings
      ? JSON.stringify(
          (({ mode, deadline, durationMinutes }: PopupSettings["countdown"]) => [
            mode,
            deadline,
            durationMinutes,
          ])(settings as PopupSettings["countdown"]),
        )
      : template;
  const taken = useRef<{ timing: string; now: number } | undefined>(undefined);
  if (taken.current?.timing !== timing) taken.current = { timing, now: Date.now() };
  return taken.current.now;
}
