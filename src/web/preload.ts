// Imported first by main.tsx, so that it runs before React and the pages' code are evaluated: the
// requests a page load will wait for are already on their way while the rest of the code starts.
import { preloadNarrative } from './chronology/narrative-preload.ts';

preloadNarrative(window.location.pathname, window.location.search);
