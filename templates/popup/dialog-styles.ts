/**
 * Styles of the frame every pop-up shares, adopted into the pop-up's shadow
 * root beside the template's own styles (which come after and may use
 * `.button` and the accent custom properties).
 *
 * The frame is `position:fixed` so the host page never shifts; at a 320 px
 * viewport it keeps 12 px either side and wraps long words instead of
 * scrolling sideways; its content scrolls inside it when it is taller than
 * the viewport. `all` leaves `direction` alone, so a right-to-left page
 * gets a right-to-left pop-up; sides are logical for that reason.
 */

// Every browser that runs the runtime (ES2020) knows system-ui.
const FONT = "system-ui,sans-serif";
// Above anything a host page is likely to stack; the maximum 32-bit value.
const TOP = 2147483647;

// `.dialog` resets again because the host page's rules for the shadow host
// beat `:host`, and what they set would be inherited into the shadow tree.
export const dialogStyles = `
:host{all:initial}
*{box-sizing:border-box}
.backdrop{position:fixed;inset:0;z-index:${TOP - 1};background:rgba(0,0,0,.45)}
.dialog{all:initial;box-sizing:border-box;position:fixed;z-index:${TOP};left:12px;right:12px;top:50%;transform:translateY(-50%);margin:0 auto;max-width:min(420px,calc(100vw - 24px));max-height:calc(100% - 24px);overflow:auto;overscroll-behavior:contain;padding:24px 20px 20px;border-radius:12px;background:#fff;color:#1a1a1a;box-shadow:0 12px 40px rgba(0,0,0,.3);font-family:${FONT};font-size:16px;line-height:1.45;overflow-wrap:anywhere;animation:vitrine-enter .2s ease-out}
.dialog:focus{outline:none}
.title{margin:0 0 8px;margin-inline-end:40px;font-size:20px;line-height:1.3;font-weight:700}
.close{position:absolute;top:4px;inset-inline-end:4px;display:grid;place-items:center;width:44px;height:44px;padding:0;border:0;border-radius:50%;background:transparent;color:#444;cursor:pointer}
.close:hover{background:#f0f0f0}
.close:focus-visible,.button:focus-visible,.link:focus-visible{outline:2px solid var(--vitrine-accent);outline-offset:2px}
.text{margin:0 0 16px}
.button{display:block;min-height:44px;padding:11px 16px;border:0;border-radius:8px;background:var(--vitrine-accent);color:var(--vitrine-on-accent);font:600 16px/22px ${FONT};text-align:center;text-decoration:none;cursor:pointer}
.button:hover{opacity:.88}
@keyframes vitrine-enter{from{opacity:0;transform:translateY(-46%)}}
@media (prefers-reduced-motion:reduce){.dialog{animation:none}}
`;
