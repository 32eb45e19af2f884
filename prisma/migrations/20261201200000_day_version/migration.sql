-- A day's version, +1 on every admin change.
ALTER TABLE "days" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
