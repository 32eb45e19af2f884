import { db } from "@/lib/db/client";
import { settingsBody } from "@/lib/distribution/settings-schema";
import { loadSettings } from "@/lib/distribution/settings-store";
import { settingsView } from "@/lib/distribution/settings-view";
import { updateSettings } from "@/lib/distribution/update-settings";
import { actorOf } from "@/lib/http/actor";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/cron-settings – schedule and pool rules
export const GET = route({ access: "signed-in" }, async () => settingsView(await loadSettings(db())));

// PUT /api/admin/daily-declaration-returns/cron-settings – change any of them
export const PUT = route({ access: "admin", action: "settings.update", body: settingsBody }, ({ session, body }) =>
  updateSettings({ actor: actorOf(session), change: body }),
);
