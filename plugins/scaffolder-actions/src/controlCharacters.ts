/**
 * Whether a path-like input holds control characters (C0 or DEL): Node's fs throws a
 * TypeError on NUL, git refuses them in paths, and no file name of a template needs one.
 */
export function hasControlCharacters(value: string): boolean {
  return [...value].some(c => c < ' ' || c === '\u007f');
}
