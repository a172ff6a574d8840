import { FeedInvalidError } from '../errors.js';

/** How many row problems are collected before validation stops early. */
export const MAX_PROBLEMS = 20;

/** How many problems after the first are quoted in the error message. */
const QUOTED = 3;

interface Problem {
  readonly file: string;
  readonly line: number | undefined;
  readonly text: string;
}

/** `stops.txt line 5: …`, or `stops.txt: …` for a problem without a line. */
export function describeProblem(file: string, line: number | undefined, text: string): string {
  return line === undefined ? `${file}: ${text}` : `${file} line ${line}: ${text}`;
}

/**
 * Row problems of one feed, collected so that one report shows several. Reporting the
 * MAX_PROBLEMS-th throws at once; `throwIfAny` throws for the first one (by file, then line).
 */
export class Problems {
  private readonly found: Problem[] = [];
  private readonly fileOrder: string[] = [];

  /** Records a problem; `line` is 1-based with the header as line 1. */
  add(file: string, line: number | undefined, text: string): void {
    if (!this.fileOrder.includes(file)) this.fileOrder.push(file);
    this.found.push({ file, line, text });
    if (this.found.length >= MAX_PROBLEMS) this.throwIfAny();
  }

  /** Throws a FeedInvalidError for the first problem, quoting a few more, if there is any. */
  throwIfAny(): void {
    const sorted = [...this.found].sort(
      (a, b) =>
        this.fileOrder.indexOf(a.file) - this.fileOrder.indexOf(b.file) ||
        (a.line ?? 0) - (b.line ?? 0),
    );
    const [first, ...rest] = sorted;
    if (first === undefined) return;
    let message = describeProblem(first.file, first.line, first.text);
    if (rest.length > 0) {
      const more = this.found.length >= MAX_PROBLEMS ? `${rest.length}+` : `${rest.length}`;
      const quoted = rest.slice(0, QUOTED).map((p) => describeProblem(p.file, p.line, p.text));
      message += ` (${more} more problems: ${quoted.join('; ')}${rest.length > QUOTED ? '; …' : ''})`;
    }
    throw new FeedInvalidError(message, first.file, first.line);
  }
}
