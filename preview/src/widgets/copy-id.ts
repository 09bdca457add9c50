const MAX_ID = 64;

/** An id for a copy of widget `id` that no widget has yet: `<id>-copy`,
 * then `<id>-copy-2`, … shortened to fit the 64 characters ids allow. */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "-copy" : `-copy-${n}`;
    const candidate = `${id.slice(0, MAX_ID - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The copy's name, within the 80 characters names allow. */
export function copyName(name: string): string {
  const suffix = " (copy)";
  return `${name.slice(0, 80 - suffix.length)}${suffix}`;
}
