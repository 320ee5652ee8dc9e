/**
 * fs.ReadStream and fs.WriteStream over the fs module's sync calls, as Node's streams (readable-stream):
 * `createReadStream(path, {start, end, encoding, highWaterMark})` opens on construction ('open', 'ready') and
 * reads the file in chunks; `createWriteStream(path, {flags})` truncates or appends, then appends each write.
 */
import { NodeBuffer } from './globals';
import { Readable, Writable } from './stream-module';

type Sync = Record<string, (...a: any[]) => any>;

export function createFsStreams(sync: Sync, abs: (p: unknown) => string): Record<string, any> {
  let fds = 20;
  class ReadStream extends Readable {
    path: string;
    fd: number | null = null;
    bytesRead = 0;
    pending = true;
    start?: number;
    end: number;
    private data: Uint8Array | null = null;
    private pos = 0;
    constructor(p: unknown, opts?: any) {
      const o = typeof opts === 'string' ? { encoding: opts } : (opts ?? {});
      super({ highWaterMark: o.highWaterMark ?? 64 * 1024, encoding: o.encoding, emitClose: o.emitClose ?? true, autoDestroy: o.autoClose ?? true });
      this.path = typeof p === 'string' ? p : String(p);
      this.start = o.start;
      this.end = o.end ?? Infinity;
    }
    _construct(cb: (e?: Error | null) => void): void {
      try {
        const all: Uint8Array = sync.readFileSync(abs(this.path));
        const from = this.start ?? 0;
        this.data = all.subarray(from, this.end === Infinity ? all.length : this.end + 1);
        this.fd = fds++;
        this.pending = false;
        cb();
        this.emit('open', this.fd);
        this.emit('ready');
      } catch (e) {
        cb(e as Error);
      }
    }
    _read(n: number): void {
      const data = this.data!;
      if (this.pos >= data.length) {
        this.push(null);
        return;
      }
      const chunk = NodeBuffer.from(data.subarray(this.pos, this.pos + n));
      this.pos += chunk.length;
      this.bytesRead += chunk.length;
      this.push(chunk);
    }
    close(cb?: (e?: Error | null) => void): void {
      if (cb) this.once('close', () => cb());
      this.destroy();
    }
  }
  class WriteStream extends Writable {
    path: string;
    fd: number | null = null;
    bytesWritten = 0;
    pending = true;
    private readonly flags: string;
    constructor(p: unknown, opts?: any) {
      const o = typeof opts === 'string' ? { encoding: opts } : (opts ?? {});
      super({ decodeStrings: true, defaultEncoding: o.encoding ?? 'utf8', emitClose: o.emitClose ?? true });
      this.path = typeof p === 'string' ? p : String(p);
      this.flags = o.flags ?? 'w';
    }
    _construct(cb: (e?: Error | null) => void): void {
      try {
        if (this.flags.startsWith('a')) sync.appendFileSync(abs(this.path), '');
        else sync.writeFileSync(abs(this.path), '');
        this.fd = fds++;
        this.pending = false;
        cb();
        this.emit('open', this.fd);
        this.emit('ready');
      } catch (e) {
        cb(e as Error);
      }
    }
    _write(chunk: Uint8Array, _enc: string, cb: (e?: Error | null) => void): void {
      try {
        sync.appendFileSync(abs(this.path), chunk);
        this.bytesWritten += chunk.length;
        cb();
      } catch (e) {
        cb(e as Error);
      }
    }
    close(cb?: (e?: Error | null) => void): void {
      if (cb) this.once('close', () => cb());
      this.end();
    }
  }
  return {
    ReadStream,
    WriteStream,
    createReadStream: (p: unknown, opts?: unknown) => new ReadStream(p, opts),
    createWriteStream: (p: unknown, opts?: unknown) => new WriteStream(p, opts),
  };
}
