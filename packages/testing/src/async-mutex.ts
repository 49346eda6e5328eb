/** A FIFO lock for async work: each `run` starts only after every earlier one has settled. */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(critical: () => T | Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await critical();
    } finally {
      release();
    }
  }
}
