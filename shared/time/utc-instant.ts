/** The form every instant is kept in: "2026-03-02T12:00:00.000Z" (what `Date.prototype.toISOString` writes). */
function isCanonical(text: string): boolean {
  return (
    text.length === 24 &&
    text.charCodeAt(23) === 0x5a && // Z
    text.charCodeAt(19) === 0x2e && // .
    text.charCodeAt(10) === 0x54 // T
  );
}

/**
 * An instant in UTC to the millisecond, the one form the console keeps: the rules and the list compare and sort
 * instants as text, which follows time only when every instant is written the same way. A Schedule server may send
 * any offset ("2026-03-02T07:00:00-05:00") and any precision; both are converted on arrival. Text that is not a date
 * is returned as it is (the contract's check refuses it before this is asked).
 */
export function utcInstant(text: string): string {
  if (isCanonical(text)) return text;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
