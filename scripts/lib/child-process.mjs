// Runs the project's tools as child processes with the terminal attached, and forwards Ctrl-C and
// SIGTERM to them so that a stop reaches the API (which drains) before the database goes down.
import { spawn } from 'node:child_process';

/** Runs a command to completion; rejects with its exit code when it fails. */
export function run(command, args, { env = process.env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env, cwd });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0) resolve();
      else reject(new ChildFailed(`${command} ${args.join(' ')}`, code, signal));
    });
  });
}

export class ChildFailed extends Error {
  constructor(commandLine, code, signal) {
    super(`"${commandLine}" ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}`);
    this.exitCode = code ?? 1;
  }
}
