export const WIDGET_ATTRIBUTE = "data-vitrine-widget";

/** Every `[data-vitrine-widget]` element with a non-empty id. */
export function findPlaceholders(doc: Document): { id: string; element: Element }[] {
  const found: { id: string; element: Element }[] = [];
  for (const element of doc.querySelectorAll(`[${WIDGET_ATTRIBUTE}]`)) {
    const id = element.getAttribute(WIDGET_ATTRIBUTE)?.trim();
    if (id) found.push({ id, element });
  }
  return found;
}

/** The distinct placeholder ids, in document order. */
export function placeholderIds(doc: Document): string[] {
  return [...new Set(findPlaceholders(doc).map((placeholder) => placeholder.id))];
}
