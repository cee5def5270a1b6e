// Money as decimal strings, compared and multiplied exactly with BigInt: never a float.
function parts(text) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) return null;
  return { sign: match[1] === '-' ? -1n : 1n, int: match[2], frac: match[3] || '' };
}

/** The decimal as a BigInt of `scale` decimals, or null when it is not a plain decimal or has more decimals. */
export function toUnits(text, scale) {
  const p = parts(text);
  if (!p || p.frac.length > scale) return null;
  return p.sign * BigInt(p.int + p.frac.padEnd(scale, '0'));
}

export function fromUnits(units, scale) {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : digits.slice(0, -scale) + '.' + digits.slice(-scale);
  return (negative ? '-' : '') + text;
}

export function scaleOf(text) {
  const p = parts(text);
  return p ? p.frac.length : 0;
}

export function isDecimal(text) {
  return parts(text) !== null;
}

/** a compared with b: -1, 0 or 1. */
export function compare(a, b) {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const x = toUnits(a, scale), y = toUnits(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** fiat / price, rounded down to `scale` decimals: the asset quantity an amount of fiat buys. */
export function divide(fiat, price, scale) {
  const ps = scaleOf(price), fs = scaleOf(fiat);
  const numerator = toUnits(fiat, fs) * 10n ** BigInt(scale + ps);
  const denominator = toUnits(price, ps) * 10n ** BigInt(fs);
  return fromUnits(numerator / denominator, scale);
}

/** quantity * price at `scale` decimals, rounded down (or up with `up`): the fiat a quantity costs. */
export function multiply(quantity, price, scale, up = false) {
  const qs = scaleOf(quantity), ps = scaleOf(price);
  const product = toUnits(quantity, qs) * toUnits(price, ps);
  const divisor = 10n ** BigInt(qs + ps - scale);
  return fromUnits((product + (up ? divisor - 1n : 0n)) / divisor, scale);
}

/** fiat / price rounded up to `scale` decimals. */
export function divideUp(fiat, price, scale) {
  const ps = scaleOf(price), fs = scaleOf(fiat);
  const numerator = toUnits(fiat, fs) * 10n ** BigInt(scale + ps);
  const denominator = toUnits(price, ps) * 10n ** BigInt(fs);
  return fromUnits((numerator + denominator - 1n) / denominator, scale);
}
