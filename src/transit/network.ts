import { buildDayView, type DayView } from './dayView.js';
import { localDayOf, type DayNumber, type UnixSeconds } from './time.js';
import type { Timetable } from './timetable.js';

const VIEW_CACHE_SIZE = 8;

/**
 * A published, read-only state of the transit network: the compiled timetable plus a small
 * cache of day views. Requests hold on to one `Network` for their whole lifetime, so a feed swap
 * (a new `Network`) never shows half-updated data.
 */
export class Network {
  private readonly views = new Map<DayNumber, DayView>();

  constructor(readonly tt: Timetable) {}

  /** Timezone used to pick day views and to show times without a feed of their own. */
  get primaryTimezone(): string {
    return this.tt.feeds[0]?.timezone ?? 'UTC';
  }

  /** The day view for the local day (primary timezone) that contains `instant`. */
  viewAt(instant: UnixSeconds): DayView {
    return this.view(localDayOf(instant, this.primaryTimezone));
  }

  /** The day view of `day`, built on first use and kept in a small LRU cache. */
  view(day: DayNumber): DayView {
    let v = this.views.get(day);
    if (v) {
      this.views.delete(day);
      this.views.set(day, v);
      return v;
    }
    v = buildDayView(this.tt, day);
    this.views.set(day, v);
    if (this.views.size > VIEW_CACHE_SIZE) {
      const oldest = this.views.keys().next().value;
      if (oldest !== undefined) this.views.delete(oldest);
    }
    return v;
  }
}
