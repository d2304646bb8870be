/** Prefixes a role or permission key with `org:` unless it already has it (`admin` and `org:admin` are the same role). */
export function withOrgPrefix(value: string): string {
  return value.startsWith('org:') ? value : `org:${value}`
}
