/**
 * ANSI colours for the text report. The adapter decides whether to colour (flags, NO_COLOR,
 * FORCE_COLOR, TERM, a terminal); this painter obeys that decision and nothing else.
 * util.styleText would do on Node 20.20, but what it consults and honours has changed
 * between Node releases (it is missing before 20.12 and reads the environment and stdout by
 * default since), so the few codes are written here.
 */

/** The styles the text report uses. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

/** SGR codes that turn each style on and off; the off codes leave other styles alone. */
const CODES: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** Wraps text in a style's codes. */
export type Painter = (style: Style, text: string) => string;

/**
 * Returns a painter: with `color`, each text between its style's codes (an empty text stays
 * empty, so no line is only codes); without, the text as it is.
 */
export function createPainter(color: boolean): Painter {
  if (!color) return (_style, text) => text;
  return (style, text) => {
    if (text === '') return text;
    const [on, off] = CODES[style];
    return `\u001b[${on}m${text}\u001b[${off}m`;
  };
}
