/** Fills `{name}` placeholders in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ms`;
}

/**
 * A whole count with its thousands grouped by commas, as both of the site's languages write them (English and
 * Simplified Chinese alike: 2,001). Not Intl.NumberFormat: a page's first one costs ~30 ms of ICU start-up on the
 * main thread, and the log panel counts lines while the first Invoke runs.
 */
export function count(value: number): string {
  const whole = Math.trunc(value);
  return `${whole < 0 ? '-' : ''}${String(Math.abs(whole)).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
