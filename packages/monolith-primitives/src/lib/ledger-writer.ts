/** One leg of a double-entry posting, in minor currency units. */
export interface LedgerLeg {
  readonly account: string;
  readonly amountMinor: bigint;
}

/** A balanced posting: its legs sum to zero. */
export interface LedgerPosting {
  readonly tenantId: string;
  readonly reference: string;
  readonly currency: string;
  readonly legs: readonly LedgerLeg[];
}

/** A posting as recorded, with its position in the ledger. */
export interface LedgerRecord extends LedgerPosting {
  readonly sequence: number;
  readonly recordedAt: Date;
}

/** Durable storage for ledger records (implemented by persistence). */
export interface LedgerSink {
  append(record: LedgerRecord): Promise<void>;
}

/**
 * `LedgerWriter`: the only way postings reach the ledger. Refuses unbalanced postings and
 * duplicate references, and numbers records in write order.
 */
export class LedgerWriter {
  private sequence = 0;
  private readonly references = new Set<string>();

  constructor(
    private readonly sink: LedgerSink,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async write(posting: LedgerPosting): Promise<LedgerRecord> {
    if (posting.legs.length < 2) throw new RangeError(`LedgerWriter: posting "${posting.reference}" needs two or more legs`);
    const total = posting.legs.reduce((sum, leg) => sum + leg.amountMinor, 0n);
    if (total !== 0n) throw new RangeError(`LedgerWriter: posting "${posting.reference}" is unbalanced by ${total}`);
    const key = `${posting.tenantId}/${posting.reference}`;
    if (this.references.has(key)) throw new RangeError(`LedgerWriter: posting "${posting.reference}" was already written`);
    const record: LedgerRecord = { ...posting, sequence: this.sequence + 1, recordedAt: this.now() };
    await this.sink.append(record);
    this.sequence = record.sequence;
    this.references.add(key);
    return record;
  }
}
