/** The window's width class, for the parts whose structure (not only style) changes on narrow windows. */

/** Below this the sidebar becomes a drawer and the search filters a disclosure above the results. */
export const NARROW_QUERY = '(max-width: 900px)';

class Layout {
  narrow = $state(false);

  constructor() {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const query = window.matchMedia(NARROW_QUERY);
    this.narrow = query.matches;
    query.addEventListener('change', (e) => (this.narrow = e.matches));
  }
}

export const layout = new Layout();
