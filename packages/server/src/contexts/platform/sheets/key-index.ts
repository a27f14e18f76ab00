/**
 * The row that first held each key of an import, for the duplicate check, in flat memory: the keys'
 * UTF-8 bytes in one growing buffer and an open-addressing table of offsets and row numbers. About
 * 40 bytes a key, where a Map of strings holds about 100 and keeps cut-out cells' whole chunks
 * alive (issue 18: a 1 M-row import in flat memory). Keys whose hashes are equal are compared
 * byte for byte, so the check is exact.
 */
/** FNV-1a over the string's UTF-16 code units (32-bit). */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class KeyIndex {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Per key: where its bytes start and end in `bytes`, and its first row. */
  private starts = new Uint32Array(1 << 12);
  private ends = new Uint32Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  private count = 0;
  /** Slots: key number + 1 → 0 means empty. */
  private slots = new Uint32Array(1 << 13);
  private readonly encoder = new TextEncoder();

  get size(): number {
    return this.count;
  }

  /** The row that first held `key`, or undefined; records `row` for it when it is new. */
  firstOrAdd(key: string, row: number): number | undefined {
    const h = hashOf(key);
    const mask = this.slots.length - 1;
    let probe: { start: number; end: number } | null = null;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s] ?? 0;
      if (slot === 0) {
        probe ??= this.encode(key);
        this.add(s, probe.start, probe.end, row, h);
        return undefined;
      }
      const k = slot - 1;
      if (this.hashes[k] === h) {
        probe ??= this.encode(key);
        if (this.same(k, probe.start, probe.end)) {
          return this.rows[k];
        }
      }
    }
  }

  /** Write the key's bytes after the stored ones (kept only if `add` takes them). */
  private encode(key: string): { start: number; end: number } {
    const need = this.used + key.length * 3;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    const start = this.used;
    return { start, end: start + this.encoder.encodeInto(key, this.bytes.subarray(start)).written };
  }

  private same(k: number, start: number, end: number): boolean {
    const a = this.starts[k] ?? 0;
    const b = this.ends[k] ?? 0;
    if (b - a !== end - start) {
      return false;
    }
    for (let i = 0; i < end - start; i++) {
      if (this.bytes[a + i] !== this.bytes[start + i]) {
        return false;
      }
    }
    return true;
  }

  private add(slot: number, start: number, end: number, row: number, hash: number): void {
    if (this.count === this.starts.length) {
      const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
        const g = new Uint32Array(a.length * 2);
        g.set(a);
        return g;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.rows = grow(this.rows);
      this.hashes = grow(this.hashes);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.rows[this.count] = row;
    this.hashes[this.count] = hash;
    this.count += 1;
    this.slots[slot] = this.count;
    this.used = end;
    if (this.count * 2 > this.slots.length) {
      this.rehash();
    }
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let s = (this.hashes[k] ?? 0) & mask;
      while ((slots[s] ?? 0) !== 0) {
        s = (s + 1) & mask;
      }
      slots[s] = k + 1;
    }
    this.slots = slots;
  }
}
