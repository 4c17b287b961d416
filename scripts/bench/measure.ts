/**
 * Runs one pipeline stage as a child process and measures it: wall time, and peak memory
 * of the whole process tree (Astro's Node and Pagefind's binary are separate processes).
 *
 * Memory comes from /proc (Linux): every 100 ms the tree under the child is listed and each
 * process's resident set read. The kernel keeps each process's own high-water mark (VmHWM),
 * so a single process's peak is never missed between samples; the tree's peak is the
 * largest sum of resident sets seen at one sample. Elsewhere memory is reported as null.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessPeak {
  /** The executable's name (from /proc/<pid>/comm), e.g. "node", "pagefind". */
  name: string;
  /** Its own peak resident set (VmHWM), bytes. */
  peakRss: number;
}

export interface MeasuredRun {
  command: string;
  exitCode: number | null;
  wallMs: number;
  /** Largest resident set of the whole tree at one moment, or of one process, whichever is larger (bytes). */
  peakRss: number | null;
  /** The largest peak per executable name. */
  byProcess: ProcessPeak[];
  output: string;
  /** Why the run was stopped before it finished (a limit in RunOptions), or null. */
  stopped: string | null;
}

const PROC = '/proc';

/** Process groups still running: stopped if the bench itself exits (Ctrl-C included). */
const running = new Set<number>();
const stopAll = () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
};
process.once('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
}
const hasProc = (() => {
  try {
    return statSync(join(PROC, 'self', 'status')).isFile();
  } catch {
    return false;
  }
})();

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync(PROC)) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join(PROC, entry, 'stat'), 'utf8');
      // pid (comm) state ppid … — comm may hold spaces and parentheses: parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const children = map.get(ppid);
      if (children) children.push(Number(entry));
      else map.set(ppid, [Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function treeOf(root: number): number[] {
  const map = children();
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    out.push(pid);
    for (const child of map.get(pid) ?? []) queue.push(child);
  }
  return out;
}

function memoryOf(pid: number): { name: string; rss: number; hwm: number } | null {
  try {
    const status = readFileSync(join(PROC, String(pid), 'status'), 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    const name = /^Name:\s+(.*)$/m.exec(status)?.[1]?.trim() ?? '?';
    return { name, rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of output (for progress), besides collecting it. */
  onOutput?: (text: string) => void;
  /** Stop the run (its whole process group) after this long. */
  timeoutMs?: number;
  /** Stop it when its processes hold more than this much memory together (bytes). */
  maxRss?: number;
  /** Stop it when this folder grows past `maxBytes` (checked every few seconds). */
  maxOutput?: { dir: string; maxBytes: number };
}

/** Keep only the end of a long output: the summary lines a stage prints come last. */
const OUTPUT_KEPT = 2_000_000;

/** Runs `command args…`, sampling its memory until it exits. Never rejects for a non-zero exit. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so a timeout stops the child and everything it started, and nothing else.
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid !== undefined) running.add(child.pid);
    let stopped: string | null = null;
    const stop = (reason: string) => {
      if (stopped !== null || child.pid === undefined) return;
      stopped = reason;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
    const deadline = options.timeoutMs
      ? setTimeout(() => stop(`ran past the time limit of ${Math.round(options.timeoutMs! / 6000) / 10} min`), options.timeoutMs)
      : undefined;
    const outputWatch = options.maxOutput
      ? setInterval(() => {
          const size = sizeOf(options.maxOutput!.dir);
          if (size > options.maxOutput!.maxBytes) stop(`its output passed the limit of ${gb(options.maxOutput!.maxBytes)}`);
        }, 5000)
      : undefined;
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (output.length > 2 * OUTPUT_KEPT) output = output.slice(-OUTPUT_KEPT);
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);

    let treePeak = 0;
    const peaks = new Map<string, number>();
    const sample = () => {
      if (!hasProc || child.pid === undefined) return;
      let sum = 0;
      for (const pid of treeOf(child.pid)) {
        const memory = memoryOf(pid);
        if (!memory) continue;
        sum += memory.rss;
        peaks.set(memory.name, Math.max(peaks.get(memory.name) ?? 0, memory.hwm));
      }
      treePeak = Math.max(treePeak, sum);
      if (options.maxRss && sum > options.maxRss) stop(`its memory passed the limit of ${gb(options.maxRss)}`);
    };
    const timer = setInterval(sample, 100);
    sample();

    child.once('error', (error) => {
      clearInterval(timer);
      clearInterval(outputWatch);
      clearTimeout(deadline);
      reject(error);
    });
    child.once('close', (exitCode) => {
      clearInterval(timer);
      clearInterval(outputWatch);
      clearTimeout(deadline);
      if (child.pid !== undefined) running.delete(child.pid);
      const byProcess = [...peaks.entries()]
        .map(([name, peakRss]) => ({ name, peakRss }))
        .sort((a, b) => b.peakRss - a.peakRss);
      const single = byProcess[0]?.peakRss ?? 0;
      resolve({
        command: [command, ...args].join(' '),
        exitCode,
        wallMs: Math.round(performance.now() - started),
        peakRss: hasProc ? Math.max(treePeak, single) : null,
        byProcess,
        output,
        stopped,
      });
    });
  });
}

/** Total bytes of the files under `path` (0 when it does not exist). */
export function sizeOf(path: string, exclude: (rel: string) => boolean = () => false, rel = ''): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return exclude(rel) ? 0 : info.size;
  return readdirSync(path).reduce((sum, name) => {
    const childRel = rel ? `${rel}/${name}` : name;
    return sum + (exclude(childRel) ? 0 : sizeOf(join(path, name), exclude, childRel));
  }, 0);
}

/** Number of files under `path`. */
export function fileCount(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return 1;
  return readdirSync(path).reduce((n, name) => n + fileCount(join(path, name)), 0);
}
