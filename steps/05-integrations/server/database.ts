import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const DATABASE_FILE = "chat.sqlite";

/** Opens (creating it if needed) the SQLite file in the data folder. */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const database = new Database(path.join(dataDir, DATABASE_FILE));
  // Write-ahead logging: the pages' session look-ups read while a sign-up writes, instead of waiting for it.
  database.pragma("journal_mode = WAL");
  return database;
}
