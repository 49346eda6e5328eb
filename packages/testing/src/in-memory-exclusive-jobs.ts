import type { ExclusiveJobs, ExclusiveRun, JobRepositories } from '@stratum/domain';

/** One process's jobs: a job still running makes the next call skip, as the lock does across processes. */
export class InMemoryExclusiveJobs implements ExclusiveJobs {
  private readonly running = new Set<string>();

  constructor(private readonly repositories: JobRepositories) {}

  /** Marks a job as running elsewhere until `release` is called, for tests of the skipping side. */
  hold(job: string): () => void {
    this.running.add(job);
    return () => this.running.delete(job);
  }

  async runAlone<T>(
    job: string,
    work: (repositories: JobRepositories) => Promise<T>,
  ): Promise<ExclusiveRun<T>> {
    if (this.running.has(job)) return { ran: false };
    this.running.add(job);
    try {
      return { ran: true, value: await work(this.repositories) };
    } finally {
      this.running.delete(job);
    }
  }
}
