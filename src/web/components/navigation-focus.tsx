import {
  createContext,
  type ReactNode,
  type RefObject,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
} from 'react';
import { useLocation, useNavigationType } from 'react-router';

type FocusRequest = { pending: boolean };

const NavigationFocusContext = createContext<RefObject<FocusRequest> | null>(null);

/**
 * Notes each move to a new page so the page can move focus to its heading, as a full page load
 * would put screen-reader and keyboard users at the start of the new content. The first page, and
 * redirects made before the person has gone anywhere, leave focus where the browser puts it.
 */
export function NavigationFocusProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const request = useRef<FocusRequest>({ pending: false });
  const firstKey = useRef(location.key);
  const hasMoved = useRef(false);

  // A layout effect runs before the pages' ordinary effects in the same commit.
  useLayoutEffect(() => {
    if (location.key === firstKey.current) return;
    if (navigationType !== 'REPLACE') hasMoved.current = true;
    if (hasMoved.current) request.current.pending = true;
  }, [location.key, navigationType]);

  return <NavigationFocusContext.Provider value={request}>{children}</NavigationFocusContext.Provider>;
}

/** Focuses the element once it is shown after a move to a new page (when `ready` is true). */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>, ready = true): void {
  const request = useContext(NavigationFocusContext);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again on each new page
  useEffect(() => {
    if (!ready || !request?.current.pending || !target.current) return;
    request.current.pending = false;
    target.current.focus();
  }, [ready, request, target, location.key]);
}
