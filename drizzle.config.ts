import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./db/schema/index.ts", "./db/schema/participation.ts"],
  out: "./db/migrations",
});
