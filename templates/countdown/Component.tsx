import { Component, type JSX } from "preact";
import { numberFormat, safeUrl } from "../format";
import type { PopupData, PopupProps } from "../popup/contract";
import { PopupDialog } from "../popup/Dialog";
import type { CountdownSettings } from "./settings";

export type CountdownProps = PopupProps<CountdownSettings, PopupData["countdown"]>;

// Each unit's length in seconds, and how many of it make the next larger.
const UNITS = [
  ["day", 86_400, Infinity],
  ["hour", 3_600, 24],
  ["minute", 60, 60],
  ["second", 1, 60],
] as const;

/**
 * The countdown pop-up: days, hours, minutes and seconds until
 * `data.endsAt`, ticking each second and never below zero. Only epoch
 * milliseconds are compared, so no time zone enters. At zero it calls
 * `onExpire`, once.
 */
// A class, not hooks: the runtime's pop-up chunk then ships without
// Preact's hooks module (1.1 KB gzipped).
export class Countdown extends Component<CountdownProps> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private expired = false;

  override componentDidMount(): void {
    this.schedule();
  }

  override componentDidUpdate(): void {
    this.schedule();
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  /** Wakes when the displayed second changes, not merely every 1,000 ms,
   * so that the digits do not lag behind the clock; at zero, expires. */
  private schedule(): void {
    clearTimeout(this.timer);
    const left = Math.max(0, this.props.data.endsAt - this.props.now());
    if (left > 0) {
      this.timer = setTimeout(() => this.forceUpdate(), left % 1000 || 1000);
    } else if (!this.expired) {
      this.expired = true;
      this.props.onExpire?.();
    }
  }

  override render(): JSX.Element {
    return renderCountdown(this.props);
  }
}

function renderCountdown(props: CountdownProps): JSX.Element {
  const { settings, locale } = props;
  const left = Math.max(0, props.data.endsAt - props.now());
  // Rounded up, so that the display reaches 0 when time is up, not before.
  const seconds = Math.ceil(left / 1000);

  const two = numberFormat(locale, { minimumIntegerDigits: 2 });
  const spoken: string[] = [];
  const units = UNITS.map(([unit, size, wrap]) => {
    const value = Math.floor(seconds / size) % wrap;
    const named = (unitDisplay: "long" | "short") =>
      numberFormat(locale, { style: "unit", unit, unitDisplay });
    // Said down to the minute; seconds only in the last minute.
    if (unit === "second" ? seconds < 60 : value > 0) {
      spoken.push(named("long")?.format(value) ?? "");
    }
    const label = named("short")
      ?.formatToParts(value)
      .find((part) => part.type === "unit")?.value;
    return (
      <span class="unit" key={unit}>
        <span class="digits">
          {(unit === "day" ? numberFormat(locale) : two)?.format(value)}
        </span>
        <span class="label">{label}</span>
      </span>
    );
  });
  const href = settings.buttonText ? safeUrl(settings.buttonUrl) : undefined;

  return (
    <PopupDialog
      title={settings.title}
      onClose={props.onClose}
      accentColor={settings.accentColor}
    >
      {settings.text && <p class="text">{settings.text}</p>}
      {/* The ticking digits are hidden from screen readers, which read the
          label instead, and role=timer keeps them from announcing it. */}
      <div class="timer" role="timer" aria-live="off" aria-label={spoken.join(" ")}>
        <span class="units" aria-hidden="true">
          {units}
        </span>
      </div>
      {href && (
        <a class="button" href={href} onClick={props.onConvert}>
          {settings.buttonText}
        </a>
      )}
    </PopupDialog>
  );
}
