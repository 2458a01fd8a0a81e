import { SearchField } from '@backstage/ui';
import { useEffect, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Free-text search, debounced so typing does not fire a request per key; `onTyping` reports
 * every keystroke at once (the page narrows the rows it has meanwhile). The URL value wins
 * when it changes from elsewhere (a link, "Clear filters").
 */
export function ClusterSearchField({
  value,
  onChange,
  onTyping,
}: {
  value: string | undefined;
  onChange: (text: string | undefined) => void;
  onTyping?: (text: string) => void;
}) {
  const [text, setTextState] = useState(value ?? '');
  const emitted = useRef(value ?? '');
  const setText = (next: string) => {
    setTextState(next);
    onTyping?.(next);
  };

  useEffect(() => {
    if ((value ?? '') !== emitted.current) {
      emitted.current = value ?? '';
      setTextState(value ?? '');
      onTyping?.(value ?? '');
    }
  }, [value, onTyping]);

  useDebounce(
    () => {
      const next = text.trim();
      if (next !== emitted.current) {
        emitted.current = next;
        onChange(next || undefined);
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );

  return (
    <SearchField
      aria-label="Search clusters"
      placeholder="Search name, namespace, region or owner"
      value={text}
      onChange={setText}
      size="small"
    />
  );
}
