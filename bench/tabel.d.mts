// Types for the tests, which import the benchmark's table helpers.
export function resultTable(results: unknown): string;
export function withTable(readme: string, table: string): string;
