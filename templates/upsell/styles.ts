/** Side of the square the product picture is fitted into, in CSS pixels. */
export const UPSELL_PICTURE = 96;

/** Styles of the upsell content, adopted after the dialog's. */
export const styles = `
.product{display:flex;gap:12px;align-items:center;margin:0 0 16px}
.picture{flex:none;width:${UPSELL_PICTURE}px;height:${UPSELL_PICTURE}px;object-fit:contain;border-radius:8px;background:#f4f4f4}
.facts{min-width:0}
.name{margin:0 0 4px;font-weight:600}
.price{margin:0;font-size:18px;font-weight:700}
`;
