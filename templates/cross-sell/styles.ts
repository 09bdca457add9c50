/** Side of the square each product picture is fitted into, in CSS pixels. */
export const CROSS_SELL_PICTURE = 64;

/**
 * Styles of the cross-sell content, adopted after the dialog's. Each row
 * is picture, name and price, button; below 360 px the button takes a
 * row of its own so that names stay readable.
 */
export const styles = `
.items{margin:0;padding:0;list-style:none}
.item{display:grid;grid-template-columns:${CROSS_SELL_PICTURE}px 1fr auto;gap:12px;align-items:center;padding:12px 0;border-top:1px solid #e6e6e6}
.item:first-child{border-top:0;padding-top:0}
.picture{display:block;width:${CROSS_SELL_PICTURE}px;height:${CROSS_SELL_PICTURE}px;object-fit:contain;border-radius:8px;background:#f4f4f4}
.facts{display:flex;flex-direction:column;min-width:0}
.name{color:inherit;font-weight:600}
.link{text-decoration:underline}
.price{font-weight:700}
.add{padding:11px 12px;font-size:15px}
@media (max-width:359px){.item{grid-template-columns:${CROSS_SELL_PICTURE}px 1fr}.add{grid-column:1/-1}}
`;
