/**
 * The address bar: the current hash route, Back/Forward, and links. Navigation pushes a history entry
 * (a new place: another site, the reader, a search begun); refinements of the same place (typing,
 * filters, sort, previous/next in the reader) replace the current entry, so Back goes to the last
 * place and not through every keystroke.
 */
import { formatRoute, parseRoute, sameRoute, HOME, type Route } from '../lib/route.js';

/** What the app keeps in each history entry it makes. */
export interface EntryState {
  arshif: true;
  /** This entry was opened from a list view of this window: Back returns to that list. */
  fromList?: boolean;
}

class Router {
  route = $state.raw<Route>(HOME);
  /** The address has been read and shown: only then may the app write its own state into it. */
  started = $state(false);
  private apply: (route: Route) => void = () => {};

  /** Starts following the address; `apply` makes the app show a route (on start, Back/Forward and links). */
  start(apply: (route: Route) => void): void {
    this.apply = apply;
    if (this.started) return;
    const follow = () => {
      const route = parseRoute(location.hash);
      if (sameRoute(route, this.route)) return;
      this.route = route;
      this.apply(route);
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
    this.route = parseRoute(location.hash);
    this.apply(this.route);
    this.started = true;
  }

  /** Goes to a route as a new history entry. */
  go(route: Route, state: Omit<EntryState, 'arshif'> = {}): void {
    if (sameRoute(route, this.route)) return this.replace(route);
    history.pushState({ arshif: true, ...state } satisfies EntryState, '', formatRoute(route));
    this.route = route;
    this.apply(route);
  }

  /** Writes a refinement of the current place into the address, without a new entry and without applying it again. */
  replace(route: Route): void {
    const hash = formatRoute(route);
    if (location.hash !== hash && !(hash === '#/' && location.hash === '')) {
      const state: EntryState = { arshif: true, ...((history.state as EntryState | null)?.fromList ? { fromList: true } : {}) };
      history.replaceState(state, '', hash);
    }
    this.route = route;
  }

  /** The current entry was opened from a list of this window (so Back shows that list). */
  get openedFromList(): boolean {
    return (history.state as EntryState | null)?.fromList === true;
  }

  /** An absolute link to a route in this window (the page address with the route's hash). */
  href(route: Route): string {
    return `${location.href.split('#')[0]}${formatRoute(route)}`;
  }
}

export const router = new Router();
