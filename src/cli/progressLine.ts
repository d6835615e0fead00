/**
 * One line of progress for a person at a terminal, rewritten in place ("reading the cloud: 12/50
 * links") and cleared when done. Nothing at all when the stream is not a terminal, or when the
 * output is for a machine (JSON, SARIF): the caller then passes no stream.
 */
export interface Progress {
  update(text: string): void;
  done(): void;
}

/** The progress line on `stream` (a TTY), or a silent one when there is none. */
export function progressLine(stream: { write(text: string): boolean; columns?: number } | undefined): Progress {
  if (stream === undefined) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(text) {
      const width = Math.max(10, (stream.columns ?? 80) - 1);
      // \r and "erase to end of line": the new text replaces the old, however long.
      stream.write(`\r${text.slice(0, width)}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
