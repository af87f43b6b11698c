/**
 * The last instant written in the stored form ("9999-12-31T23:59:59.999Z"): later ones are written with a sign and six
 * digits ("+010000-…"), which sorts before every four-digit year, so a row named for one would look due at every
 * pass. A date that far (a hostile or mistyped one) is a moment no one will see: it is not named.
 */
const LAST_KEPT_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The instants at which a verdict would read differently with time alone (a wait turning overdue, a window closing).
 * The rules ask it instead of comparing with the clock themselves, so every time-based rule names its instant and the
 * read model can refresh a row at that instant rather than at the next full recompute.
 */
export class Deadlines {
  private earliest: number | null = null;

  constructor(readonly now: number) {}

  /** Whether `instant` is still ahead; when it is, it is a moment this verdict may change. */
  before(instant: number): boolean {
    if (!(instant > this.now)) return false;
    if (instant <= LAST_KEPT_INSTANT && (this.earliest === null || instant < this.earliest)) this.earliest = instant;
    return true;
  }

  /** The earliest instant ahead that a rule asked about, as a UTC ISO string; null when nothing changes with time. */
  next(): string | null {
    return this.earliest === null ? null : new Date(this.earliest).toISOString();
  }
}
