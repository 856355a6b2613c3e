/**
 * The registry is a forest: every unit has at most one parent, and no unit may be its own ancestor (a cycle would
 * leave reports and escalations walking up forever). Pure: the caller hands in each unit's parent.
 */
export function parentProblem(
  code: string,
  parentCode: string,
  parentOf: ReadonlyMap<string, string | undefined>,
): string | undefined {
  if (parentCode === code) return 'unit tidak dapat menjadi induk dirinya sendiri';
  if (!parentOf.has(parentCode)) return `unit induk ${parentCode} tidak terdaftar`;
  const seen = new Set<string>();
  for (let at: string | undefined = parentCode; at !== undefined; at = parentOf.get(at)) {
    if (at === code) return `unit ${parentCode} berada di bawah ${code}: unit tidak dapat menjadi leluhurnya sendiri`;
    // Stored data that already loops (written around the API) must not hang the request.
    if (seen.has(at)) return `hierarki unit di atas ${parentCode} berputar; perbaiki dahulu`;
    seen.add(at);
  }
  return undefined;
}
