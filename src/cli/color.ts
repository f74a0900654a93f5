import type { ColorLevel } from '../format/types.js';
import type { CliIo } from './io.js';

/**
 * Decide once how much colour to use: `--color`/`--no-color` first, then FORCE_COLOR (which Node lets win
 * over NO_COLOR), then NO_COLOR, then whether standard output is a terminal that is not "dumb".
 */
export function colorLevel(flag: boolean | undefined, io: Pick<CliIo, 'env' | 'stdout'>): ColorLevel {
  if (flag === false) return 0;
  const forced = forceColor(io.env.FORCE_COLOR);
  if (forced !== undefined) return flag === true ? (Math.max(forced, 1) as ColorLevel) : forced;
  if (flag === true) return 1;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return 0;
  if (!io.stdout.isTTY || io.env.TERM === 'dumb') return 0;
  if (io.env.COLORTERM === 'truecolor' || io.env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(io.env.TERM ?? '')) return 2;
  return 1;
}

function forceColor(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return 1;
  if (value === 'false') return 0;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0) return Math.min(n, 3) as ColorLevel;
  return undefined;
}
