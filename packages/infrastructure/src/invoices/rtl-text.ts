/**
 * pdfkit lays text out with fontkit, which shapes Arabic-script letters (joined forms) but has no
 * bidi algorithm: a run it sees as right to left has all its glyphs reversed, Persian digits
 * included, and a line mixing directions comes out scrambled. So lines are drawn a word at a time,
 * placed from the right: a Persian word alone is reversed into place by fontkit, a Latin one is
 * left alone, and a run of digits inside a Persian word is pre-reversed here so that fontkit's
 * reversal shows it the right way round.
 */
const RTL = /[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]/;
const LTR_RUN =
  /[0-9\u06f0-\u06f9A-Za-z][0-9\u06f0-\u06f9A-Za-z٬.,:/@_+-]*[0-9\u06f0-\u06f9A-Za-z]|[0-9\u06f0-\u06f9A-Za-z]/g;

const MIRRORED: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[" };

/**
 * One word as fontkit must be given it to show it as a reader expects; brackets are swapped, since
 * fontkit does not mirror them in right-to-left text either.
 */
export function forRtlLayout(word: string): string {
  if (!RTL.test(word)) return word;
  return word
    .replace(LTR_RUN, (run) => [...run].reverse().join(""))
    .replace(/[()[\]]/g, (bracket) => MIRRORED[bracket] ?? bracket);
}

/**
 * The pieces of a right-to-left line, in the order they are placed from the right edge: each
 * Persian word alone, and consecutive left-to-right words together ("Test funds"), so that they
 * keep their own order.
 */
export function rtlWords(line: string): string[] {
  const pieces: string[] = [];
  let previousLtr = false;
  for (const word of line.split(/\s+/).filter((w) => w !== "")) {
    const ltr = !RTL.test(word);
    if (ltr && previousLtr) pieces[pieces.length - 1] += ` ${word}`;
    else pieces.push(word);
    previousLtr = ltr;
  }
  return pieces;
}
