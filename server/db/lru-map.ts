/**
 * A map that keeps at most `capacity` entries and forgets the least recently used first: a Map keeps
 * insertion order, so reading or writing an entry moves it to the end, and the first entry is the oldest.
 */
export class LruMap<K, V> {
  readonly #capacity: number;
  readonly #entries = new Map<K, V>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, if any, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Sets the value as the most recently used; answers the entries forgotten to make room for it. */
  set(key: K, value: V): [K, V][] {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    const forgotten: [K, V][] = [];
    for (const entry of this.#entries) {
      if (this.#entries.size <= this.#capacity) break;
      this.#entries.delete(entry[0]);
      forgotten.push(entry);
    }
    return forgotten;
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }
}
