/** A column of an Arrow record batch, as the iceberg catalog receives it. */
export interface ArrowField {
  readonly name: string;
  readonly type: 'utf8' | 'int64' | 'float64' | 'bool' | 'timestamp';
  readonly nullable?: boolean;
}

/** A columnar batch: every column has the same length and matches the schema. */
export interface ArrowBatch {
  readonly schema: readonly ArrowField[];
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
}

/** What a catalog commits for an append: one snapshot per call. */
export interface AppendResult {
  readonly table: string;
  readonly rowCount: number;
  readonly snapshotId: string;
}

/** The storage side of the iceberg catalog (implemented by the data plane). */
export interface IcebergTableWriter {
  commitAppend(table: string, rows: readonly Readonly<Record<string, unknown>>[]): Promise<string>;
}

const typeChecks: Record<ArrowField['type'], (value: unknown) => boolean> = {
  utf8: (value) => typeof value === 'string',
  int64: (value) => typeof value === 'bigint' || Number.isInteger(value),
  float64: (value) => typeof value === 'number',
  bool: (value) => typeof value === 'boolean',
  timestamp: (value) => value instanceof Date || typeof value === 'number',
};

/**
 * `iceberg_catalog.append_arrow`: validate a columnar batch against its schema and append it to
 * an iceberg table as one snapshot. Nothing is written when any column is missing, extra,
 * ragged or of the wrong type.
 */
export async function appendArrow(writer: IcebergTableWriter, table: string, batch: ArrowBatch): Promise<AppendResult> {
  if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/.test(table)) {
    throw new TypeError(`appendArrow: invalid table name "${table}" (use lower_snake_case, dot-separated namespaces)`);
  }
  const names = batch.schema.map((field) => field.name);
  const extra = Object.keys(batch.columns).filter((name) => !names.includes(name));
  if (extra.length > 0) throw new TypeError(`appendArrow: columns not in the schema: ${extra.join(', ')}`);
  const lengths = new Set(names.map((name) => batch.columns[name]?.length ?? -1));
  if (lengths.has(-1)) {
    throw new TypeError(`appendArrow: missing column(s): ${names.filter((name) => !batch.columns[name]).join(', ')}`);
  }
  if (lengths.size > 1) throw new TypeError(`appendArrow: ragged batch, column lengths ${[...lengths].join(' / ')}`);
  const rowCount = lengths.size === 0 ? 0 : ([...lengths][0] ?? 0);
  for (const field of batch.schema) {
    const values = batch.columns[field.name] ?? [];
    const bad = values.findIndex((value) => (value === null || value === undefined ? !field.nullable : !typeChecks[field.type](value)));
    if (bad >= 0) throw new TypeError(`appendArrow: column "${field.name}" row ${bad} is not ${field.type}`);
  }
  const rows = Array.from({ length: rowCount }, (_, row) => Object.fromEntries(names.map((name) => [name, batch.columns[name]?.[row]])));
  const snapshotId = await writer.commitAppend(table, rows);
  return { table, rowCount, snapshotId };
}
