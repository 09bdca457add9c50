/** Styles of the social-proof content, adopted after the dialog's. */
export const styles = `
.proof{margin:0;margin-inline-end:40px;padding-inline-start:12px;border-inline-start:4px solid var(--vitrine-accent);font-size:17px}
.count{font-weight:700}
`;
