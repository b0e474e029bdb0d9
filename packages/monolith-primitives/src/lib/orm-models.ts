/** Column types an ORM model may declare. */
export type OrmColumnType = 'text' | 'integer' | 'numeric' | 'boolean' | 'timestamp' | 'json';

/** One column of a persisted model. */
export interface OrmColumn {
  readonly type: OrmColumnType;
  readonly nullable?: boolean;
}

/**
 * The ORM model contract: a table, its primary key and its columns. Concrete models and the
 * database driver stay in the monolith's persistence layer; extracted domains only see this shape.
 */
export interface OrmModel<TRecord extends Record<string, unknown> = Record<string, unknown>> {
  readonly tableName: string;
  readonly primaryKey: keyof TRecord & string;
  readonly columns: { readonly [K in keyof TRecord & string]: OrmColumn };
}

/** Reads and writes records of one model (implemented by persistence). */
export interface OrmRepository<TRecord extends Record<string, unknown>> {
  readonly model: OrmModel<TRecord>;
  get(id: TRecord[keyof TRecord & string]): Promise<TRecord | undefined>;
  upsert(record: TRecord): Promise<void>;
}

/** The primary key value of a record, typed by its model. */
export type OrmPrimaryKey<TRecord extends Record<string, unknown>> = TRecord[keyof TRecord & string];
