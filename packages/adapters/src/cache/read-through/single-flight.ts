/** One run per key at a time in this process: callers arriving while it runs share its result. */
export class SingleFlight {
  private readonly flights = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>, onJoin: () => void = () => {}): Promise<T> {
    const running = this.flights.get(key);
    if (running) {
      onJoin();
      return running as Promise<T>;
    }
    const flight: Promise<T> = (async () => work())().finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }
}
