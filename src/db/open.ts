/**
 * Opening the fact base: a new file becomes an empty database of the current
 * schema; a database of ours at an older schema version is migrated (in one
 * transaction); anything else is refused, never written to: a file that is
 * not SQLite, another program's SQLite database, or one of a newer version.
 */
import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

/** Why a file cannot be used as the fact base. */
export class FactBaseError extends Error {}

export interface OpenOptions {
  /** Only read: the file must be a fact base already (for `extract corpus`). */
  readonly?: boolean;
}

export function openFactBase(file: string, options: OpenOptions = {}): Db {
  const state = inspect(file);
  if (state.kind === 'foreign') throw new FactBaseError(`${file} is not a database of extract (${state.reason}); refusing to touch it`);
  if (state.kind === 'newer') throw new FactBaseError(`${file} has schema version ${state.version}, newer than this extract's ${SCHEMA_VERSION}: use a newer extract`);
  if (options.readonly) {
    if (state.kind === 'missing') throw new FactBaseError(`${file} does not exist: make it with extract db ${file} ...`);
    if (state.version < SCHEMA_VERSION) throw new FactBaseError(`${file} has schema version ${state.version}; migrate it to version ${SCHEMA_VERSION} with: extract db ${file} --records - < /dev/null`);
    return configure(new Database(file, { readonly: true, fileMustExist: true }), true);
  }
  const db = configure(new Database(file), false);
  migrate(db, state.kind === 'ours' ? state.version : 0);
  return db;
}

type State = { kind: 'missing' } | { kind: 'ours'; version: number } | { kind: 'newer'; version: number } | { kind: 'foreign'; reason: string };

/** What is at `file`, looked at read-only. An empty file is a new database, as SQLite itself holds. */
function inspect(file: string): State {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') return { kind: 'missing' };
    return { kind: 'foreign', reason: (error as Error).message };
  }
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
    if (applicationId === 0 && tables === 0) return { kind: 'missing' };
    if (applicationId !== APPLICATION_ID) return { kind: 'foreign', reason: applicationId === 0 ? 'a SQLite database of another program' : `application id ${applicationId}` };
    return version > SCHEMA_VERSION ? { kind: 'newer', version } : { kind: 'ours', version };
  } catch (error) {
    return { kind: 'foreign', reason: (error as Error).message.replace(/^file is not a database$/, 'not a SQLite file') };
  } finally {
    db.close();
  }
}

function configure(db: Db, readonly: boolean): Db {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

function migrate(db: Db, from: number): void {
  if (from === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (const step of MIGRATIONS.slice(from)) db.exec(step);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
