// Excerpts come from the query already ordered group by group; lists and exports show each run of one
// group under its heading.

export interface GroupRun<T> {
  label: string | null;
  items: T[];
}

/** Consecutive items of one group; a single run headed null when the list is not grouped. */
export function groupRuns<T extends { group: string | null }>(items: T[]): GroupRun<T>[] {
  const runs: GroupRun<T>[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && last.label === item.group) last.items.push(item);
    else runs.push({ label: item.group, items: [item] });
  }
  return runs;
}
