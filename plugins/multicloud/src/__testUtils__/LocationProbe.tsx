import { useLocation } from 'react-router-dom';

/** Shows the current URL so tests can assert the state kept in it. */
export function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{`${pathname}${search}`}</output>;
}
