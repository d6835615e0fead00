/**
 * Child processes the harness starts, each the leader of its own process group, so that
 * stopping one stops everything it spawned (code-server forks an extension host, a file
 * watcher and a pty host; Chromium forks renderers and a GPU process).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { waitFor } from './poll';

/** A running process group with a bounded tail of its output (for "it died: …" messages). */
export interface ProcessGroup {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves when the leader exits, with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once the leader has exited. */
  hasExited(): boolean;
  /** The last lines the process wrote to stdout/stderr. */
  outputTail(): string;
  /** SIGTERM to the whole group, then SIGKILL if anything in it is still alive after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

const TAIL_LINES = 40;

/** Spawns `command` as the leader of a new process group; `onLine` receives each output line. */
export function spawnGroup(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions & { onLine?: (line: string) => void } = {},
): ProcessGroup {
  const { onLine, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) {
    throw new Error(`${name} could not be started (${command}): no process id`);
  }
  const pid = child.pid;
  const tail: string[] = [];
  let exitedFlag = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      tail.push(`spawn error: ${error.message}`);
      exitedFlag = true;
      resolve({ code: null, signal: null });
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        onLine?.(line);
      }
    });
  }
  return {
    name,
    pid,
    child,
    exited,
    hasExited: () => exitedFlag,
    outputTail: () => tail.join('\n'),
    stop: (graceMs = 5000) => stopGroup(pid, graceMs),
  };
}

/** True when any process of group `pgid` is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process group: SIGTERM, wait up to `graceMs` for it to empty, then SIGKILL and wait again. */
export async function stopGroup(pgid: number, graceMs = 5000): Promise<void> {
  if (!signalGroup(pgid, 'SIGTERM')) return;
  try {
    await waitFor(() => !groupAlive(pgid), { timeoutMs: graceMs, what: `process group ${pgid} to exit` });
  } catch {
    signalGroup(pgid, 'SIGKILL');
    await waitFor(() => !groupAlive(pgid), { timeoutMs: 5000, what: `process group ${pgid} to exit after SIGKILL` });
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
