import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations, schemaPath } from "@/lib/db/migrations";

// A schema change without its migration would ship a database the code does not match.
describe("schema drift", () => {
  let scratchDir: string | undefined;

  afterAll(async () => {
    if (scratchDir) await rm(scratchDir, { recursive: true, force: true });
  });

  async function diffOfEditedSchema(edit: (schema: string) => string): Promise<string> {
    scratchDir ??= await mkdtemp(path.join(os.tmpdir(), "slotpay-drift-"));
    const original = await readFile(schemaPath, "utf8");
    const edited = edit(original);
    expect(edited).not.toBe(original);
    const file = path.join(scratchDir, `schema-${Date.now()}.prisma`);
    await writeFile(file, edited);
    return diffSchemaAgainstMigrations({ schemaFile: file });
  }

  it("finds no difference between schema.prisma and the migrations", async () => {
    expect(await diffSchemaAgainstMigrations()).toBe("");
  });

  it("reports a model that no migration creates", async () => {
    const sql = await diffOfEditedSchema((schema) => `${schema}\nmodel DriftProbe {\n  id Int @id\n\n  @@map("drift_probe")\n}\n`);
    expect(sql).toMatch(/CREATE TABLE "drift_probe"/);
  });

  it("reports a column that no migration adds", async () => {
    const sql = await diffOfEditedSchema((schema) =>
      schema.replace(/^model User \{\n/m, 'model User {\n  driftProbe String? @map("drift_probe")\n'),
    );
    expect(sql).toMatch(/ALTER TABLE "users" ADD COLUMN\s+"drift_probe"/);
  });
});
