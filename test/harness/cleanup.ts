/** Stops what the harness started, newest first, also when the run is interrupted. */

type Stopper = () => Promise<void> | void;

/** A last-in-first-out list of stoppers, run once. */
export class Cleanup {
  private readonly stoppers: { name: string; stop: Stopper }[] = [];
  private running: Promise<string[]> | undefined;

  /** Registers how to stop `name`. */
  add(name: string, stop: Stopper): void {
    this.stoppers.push({ name, stop });
  }

  /** Runs every stopper (newest first) even when some fail; resolves with the failures' messages. */
  run(): Promise<string[]> {
    this.running ??= (async () => {
      const problems: string[] = [];
      for (const { name, stop } of this.stoppers.reverse()) {
        try {
          await stop();
        } catch (error) {
          problems.push(`could not stop ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return problems;
    })();
    return this.running;
  }

  /** On SIGINT/SIGTERM/SIGHUP: run the stoppers, then exit with 128+signal. Returns a function removing the handlers. */
  stopOnSignals(log: (line: string) => void = console.error): () => void {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
    const handler = (signal: NodeJS.Signals): void => {
      log(`\n${signal}: stopping everything that was started…`);
      void this.run().then((problems) => {
        for (const problem of problems) log(problem);
        process.exit(codes[signal] ?? 1);
      });
    };
    for (const signal of signals) process.on(signal, handler);
    return () => {
      for (const signal of signals) process.off(signal, handler);
    };
  }
}
