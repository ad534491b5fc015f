/** What the figures were measured on, printed with every benchmark run. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export function describeMachine(): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? 'unknown CPU';
  return `${availableParallelism()} CPU(s), ${cpu}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** Whether `taskset` can pin processes to separate cores here (Linux, util-linux, 2+ cores). */
export function canPin(): boolean {
  return availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** The command prefixed with `taskset -c <cpu>` when pinning is possible. */
export function pinned(cpu: number, command: string[]): string[] {
  return canPin() ? ['taskset', '-c', String(cpu), ...command] : command;
}

/** Pins every thread of a running process to one CPU (`taskset -a -p`), when pinning is possible. */
export function pinProcess(cpu: number, pid: number): void {
  if (canPin()) spawnSync('taskset', ['-a', '-c', '-p', String(cpu), String(pid)]);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
