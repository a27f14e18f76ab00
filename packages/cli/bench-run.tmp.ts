import { benchTargets } from '/work/main/packages/cli/src/bench/targets.bench';
const rows = Number(process.argv[2] ?? '50000');
await benchTargets({ rows, databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres', ...(process.argv[3] ? { xlsxRows: Number(process.argv[3]) } : {}) });
