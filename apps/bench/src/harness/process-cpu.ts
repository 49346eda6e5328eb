import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU counters: 100 on every Linux the bench runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time used so far by a process of this machine, in microseconds, from /proc/<pid>/stat
 * (user + system); null where there is no /proc or the process is not ours to read, e.g. a
 * PostgreSQL on another host. Resolution is one tick (10 ms): read it over a second or more.
 */
export function processCpuMicros(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
