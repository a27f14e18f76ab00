// drizzle-kit: generates a new versioned migration from src/db/schema/ (one file per table group). Never edit a committed one.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
