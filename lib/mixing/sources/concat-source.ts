/** Several sources read as one, in order (a folder of T3 files as one mix source). */
import type { ByteBuilder, JsonValue, ReindentLayout } from "../../json/index";
import type { RecordSource } from "./record-source";

export class ConcatSource implements RecordSource {
  private readonly offsets: number[] = [];
  readonly count: number;

  constructor(
    readonly name: string,
    readonly file: string,
    readonly parts: RecordSource[],
  ) {
    let n = 0;
    for (const p of parts) {
      this.offsets.push(n);
      n += p.count;
    }
    this.count = n;
  }

  private locate(i: number): [RecordSource, number] {
    let k = this.parts.length - 1;
    while (k > 0 && this.offsets[k] > i) k--;
    return [this.parts[k], i - this.offsets[k]];
  }

  emit(i: number, out: ByteBuilder, level: number, layout: ReindentLayout): void {
    const [p, j] = this.locate(i);
    p.emit(j, out, level, layout);
  }

  record(i: number): JsonValue {
    const [p, j] = this.locate(i);
    return p.record(j);
  }

  /** Which part (file) and index a record comes from, for error messages. */
  where(i: number): { file: string; record: number } {
    const [p, j] = this.locate(i);
    return { file: p.file, record: j };
  }

  close(): void {
    for (const p of this.parts) p.close();
  }
}
