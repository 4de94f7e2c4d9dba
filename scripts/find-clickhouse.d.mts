export function findClickHouseServer(): string | null;
