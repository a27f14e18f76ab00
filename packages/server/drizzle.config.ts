// drizzle-kit: generates a new versioned migration from src/db/schema.ts. Never edit a committed one.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
