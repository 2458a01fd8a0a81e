/** `v1.31.2`, `1.31`, `v1.31.0-eks.1` → [1, 31]; undefined when unreadable. */
export function parseMinorVersion(
  version: string | undefined,
): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version?.trim() ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function compareMinor(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
