// What one row of an export is to the code that converts it, and how that code reports about it. Its own file so
// the field readers, the file sink and the kinds of file can share it without importing each other.

export interface Row {
  regel: number;
  /** The raw value of a canonical column; '' when the column or the field is absent. */
  get(kolom: string): string;
  /** The column's header as the analyst wrote it, for messages. */
  naam(kolom: string): string;
}

export interface RowReport {
  /** The row cannot be used; it is rejected with all its fouten. */
  fout(kolom: string, waarde: string, reden: string): void;
  /** The row is kept; repeated (kolom, waarde, reden) warnings in a file are reported once, with a count. */
  waarschuwing(kolom: string, waarde: string, reden: string): void;
}

/** Converts one file's rows; created per file, so file-level decisions can look back at all its records. */
export interface FileConverter<T> {
  convert(row: Row, report: RowReport): T | undefined;
  /** After the last row: decisions that depend on the whole file; `notice` adds a file-level warning. */
  finish?(records: T[], notice: (reden: string) => void): void;
}
