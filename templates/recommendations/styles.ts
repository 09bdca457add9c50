/**
 * Styles of the recommendation widget, adopted into its shadow root. Every box
 * has a fixed height so that the widget is exactly {@link WIDGET_HEIGHT} tall
 * whatever its layout, item count, width or name lengths.
 */

const PADDING = 16;
const TITLE = 24;
const TITLE_GAP = 12;
/** Square box the product picture is fitted into (`object-fit: contain`). */
export const PICTURE_SIZE = 152;
const NAME = 40; // two lines of 20 px
const PRICE = 20;
const BUTTON = 36;
const CARD = PICTURE_SIZE + 8 + NAME + 4 + PRICE + 8 + BUTTON;
// Room under the cards for a horizontal scrollbar, which browsers with
// classic scrollbars draw inside the list (up to 17 px on Windows).
const SCROLLBAR = 24;

/**
 * Height of the widget in CSS pixels (360), the same for both layouts, every
 * width and any number of items. Host pages reserve it on the placeholder
 * (`min-height: 360px`) so that nothing moves when the widget mounts.
 */
export const WIDGET_HEIGHT = PADDING * 2 + TITLE + TITLE_GAP + CARD + SCROLLBAR;

// Every browser that runs the runtime (ES2020) knows system-ui.
const FONT = "system-ui,sans-serif";

// The host page's rules for the placeholder element beat `:host`, and
// whatever they set would be inherited into the shadow tree; resetting
// again on .root cuts that inheritance off.
export const styles = `
:host{all:initial;display:block}
*{box-sizing:border-box}
.root{all:initial;display:block;box-sizing:border-box;font-family:${FONT};color:#1a1a1a;padding:${PADDING}px;overflow:hidden;background:#fff}
.title{margin:0 0 ${TITLE_GAP}px;height:${TITLE}px;font-size:18px;line-height:${TITLE}px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.list{display:grid;grid-auto-flow:column;gap:12px;height:${CARD + SCROLLBAR}px;margin:0;padding:0 0 ${SCROLLBAR}px;list-style:none;overflow-x:auto;overflow-y:hidden;overscroll-behavior-x:contain;scrollbar-width:thin;scroll-behavior:smooth}
.grid .list{grid-auto-columns:minmax(132px,1fr)}
.carousel .list{grid-auto-columns:max(150px,calc((100% - 36px) / 4));scroll-snap-type:x mandatory}
.carousel .card{scroll-snap-align:start}
.card{position:relative;display:flex;flex-direction:column;height:${CARD}px;min-width:0}
.picture{display:block;width:100%;height:${PICTURE_SIZE}px;object-fit:contain;border-radius:8px;background:#f4f4f4}
.name{margin:8px 0 4px;height:${NAME}px;font-size:14px;line-height:20px;overflow:hidden;overflow-wrap:anywhere;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;line-clamp:2}
.price{margin:0 0 8px;height:${PRICE}px;font-size:14px;line-height:20px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.button{display:block;height:${BUTTON}px;padding:0 12px;border-radius:6px;background:var(--vitrine-accent);color:var(--vitrine-on-accent);font-size:14px;font-weight:600;line-height:${BUTTON}px;text-align:center;text-decoration:none;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;transition:opacity .15s}
.button::after{content:"";position:absolute;inset:0}
.button:hover{opacity:.88}
.button:focus-visible{outline:2px solid var(--vitrine-on-accent);outline-offset:-5px}
@media (prefers-reduced-motion:reduce){.list{scroll-behavior:auto}.button{transition:none}}
`;

// Moved to templates/accent.ts, shared with the pop-ups; kept here for importers.
export { accentProperties } from "../accent";
