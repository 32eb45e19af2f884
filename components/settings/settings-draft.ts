import type { CronSettings } from "@/components/distribution/hooks/use-cron-settings";
import { settingsBody } from "@/lib/distribution/settings-schema";

// The settings form as strings (what inputs hold), and the PUT body it makes: only the fields
// that changed, as the numbers the API takes. The caps (maxDailyRosPercentage,
// maxPoolAmount) are shown and sent only when the server reports them.

export type SlotTimeRow = { slotNumber: string; time: string };

export const numberFields = [
  "maxSlotsPerDay",
  "maxRosPercentage",
  "maxDailyRosPercentage",
  "maxPoolAmount",
  "maxLatenessSeconds",
  "maxAttempts",
  "premiumMinStake",
  "performanceMinScore",
] as const;
export type NumberField = (typeof numberFields)[number];

export type SettingsDraft = { timeZone: string; slots: SlotTimeRow[] } & Partial<Record<NumberField, string>>;

/** The settings as the API returns them, caps included once the server has them. */
export type ServerSettings = CronSettings & { maxDailyRosPercentage?: number; maxPoolAmount?: number };

export function draftOfSettings(settings: ServerSettings): SettingsDraft {
  const draft: SettingsDraft = {
    timeZone: settings.timeZone,
    slots: settings.slots.map((slot) => ({ slotNumber: String(slot.slotNumber), time: slot.time })),
  };
  for (const field of numberFields) {
    const value = settings[field];
    if (typeof value === "number") draft[field] = String(value);
  }
  return draft;
}

export type SettingsBody = Partial<Record<NumberField, number>> & { timeZone?: string; slots?: { slotNumber: number; time: string }[] };

/** Field keys of the form: "timeZone", a number field, "slots", or "slots.<row index>.time|slotNumber". */
export type FieldErrors = Record<string, string>;

const sameSlots = (a: SlotTimeRow[], b: SlotTimeRow[]) =>
  JSON.stringify(a.map((s) => [Number(s.slotNumber), s.time]).sort()) ===
  JSON.stringify(b.map((s) => [Number(s.slotNumber), s.time]).sort());

/** The PUT body of what changed; a value the API would refuse is an error on its field, and no body. */
export function settingsBodyOfDraft(draft: SettingsDraft, original: ServerSettings): { body: SettingsBody | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body: SettingsBody = {};
  const before = draftOfSettings(original);
  if (draft.timeZone !== before.timeZone) body.timeZone = draft.timeZone;
  for (const field of numberFields) {
    const text = draft[field]?.trim();
    if (text === undefined || text === before[field]) continue;
    const value = Number(text);
    if (text === "" || !Number.isFinite(value)) errors[field] = "Enter a number";
    else body[field] = value;
  }
  if (!sameSlots(draft.slots, before.slots)) {
    body.slots = draft.slots.map((row) => ({ slotNumber: Number(row.slotNumber), time: row.time }));
    draft.slots.forEach((row, index) => {
      if (!/^\d+$/.test(row.slotNumber)) errors[`slots.${index}.slotNumber`] = "Enter a slot number";
    });
  }
  // The server's own schema, so the form refuses exactly what the API would.
  const checked = settingsBody.safeParse(body);
  if (!checked.success)
    Object.assign(errors, fieldErrorsOfIssues(checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }))));
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return { body: Object.keys(body).length > 0 ? body : null, errors };
}

/** Server (or schema) issues by form field: "slots.2.time" is the third row's time. */
export function fieldErrorsOfIssues(issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path === "timezone" ? "timeZone" : issue.path || "general";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Where a refusal without zod issues belongs, from the words the server uses. */
export function fieldOfRefusal(refusal: { code: string; message: string }): string {
  if (refusal.code === "CONFLICT" && /time ?zone/i.test(refusal.message)) return "timeZone";
  const named = numberFields.find((field) => refusal.message.includes(field));
  if (/above maxSlotsPerDay/.test(refusal.message)) return "maxSlotsPerDay";
  return named ?? "general";
}
