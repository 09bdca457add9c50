/**
 * Styles of the countdown's content, adopted after the dialog's. The four
 * boxes share the row equally and shrink to fit a 320 px screen.
 */
export const styles = `
.timer{margin:0 0 16px}
.units{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;text-align:center}
.unit{display:flex;flex-direction:column;min-width:0;padding:6px 4px 8px;border-top:4px solid var(--vitrine-accent);border-radius:8px;background:#f4f4f4}
.digits{font-size:28px;line-height:1.2;font-weight:700;font-variant-numeric:tabular-nums}
.label{font-size:13px;color:#555;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
`;
