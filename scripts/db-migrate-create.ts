// npm run db:migrate:create -- <name>: writes the next migration from prisma/schema.prisma.
import { createMigration } from "../lib/db/migrations";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migrate:create -- <name>");
  process.exit(2);
}
const dir = await createMigration(name);
console.log(dir ? `Created ${dir}` : "schema.prisma and the migrations agree: nothing to create.");
