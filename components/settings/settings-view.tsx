"use client";

import { InfoIcon, LockIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useMemo, useState, type FormEvent } from "react";
import { CodeDialog } from "@/components/distribution/board/code-dialog";
import { StepUpIndicator } from "@/components/distribution/board/step-up-indicator";
import { useCronSettings } from "@/components/distribution/hooks/use-cron-settings";
import { StepUpCancelled, useStepUpRequest } from "@/components/distribution/hooks/use-step-up-request";
import { useTodayStatus } from "@/components/distribution/hooks/use-today-status";
import { ApiError } from "@/components/distribution/logic/api-error";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { impactOnToday, timeZoneLockReason } from "./impact-on-today";
import { NumberSettingField } from "./number-field";
import {
  draftOfSettings,
  fieldErrorsOfIssues,
  fieldOfRefusal,
  settingsBodyOfDraft,
  type FieldErrors,
  type NumberField,
  type ServerSettings,
  type SettingsDraft,
} from "./settings-draft";
import { SlotTimesFields } from "./slot-times-fields";
import { useUpdateSettings } from "./use-update-settings";

const timeZones = (() => {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
})();

const limitFields: { field: NumberField; label: string; hint: string; step?: string }[] = [
  { field: "maxSlotsPerDay", label: "Slots per day, at most", hint: "1 to 200", step: "1" },
  { field: "maxRosPercentage", label: "ROS per slot, at most (%)", hint: "Above 0, up to 100" },
  { field: "maxDailyRosPercentage", label: "ROS per day, at most (%)", hint: "The sum of a day's slots" },
  { field: "maxPoolAmount", label: "Pool amount, at most", hint: "For each of the two pools" },
  { field: "maxLatenessSeconds", label: "Lateness before a slot is missed (seconds)", hint: "60 to 86,400; 21,600 is 6 hours", step: "1" },
  { field: "maxAttempts", label: "Attempts per slot, at most", hint: "1 to 10; a lost lease counts as an attempt", step: "1" },
];
const poolFields: typeof limitFields = [
  {
    field: "premiumMinStake",
    label: "Premium pool: minimum total active stake",
    hint: "Users with at least this much staked share the premium pool",
  },
  {
    field: "performanceMinScore",
    label: "Performance pool: minimum score",
    hint: "Users with at least this score share the performance pool",
  },
];

type NumberFieldsCardProps = {
  title: string;
  fields: typeof limitFields;
  draft: SettingsDraft;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (field: NumberField) => (value: string) => void;
};

function NumberFieldsCard({ title, fields, draft, errors, readOnly, onChange }: NumberFieldsCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {fields.map((item) => (
          <NumberSettingField
            key={item.field}
            {...item}
            value={draft[item.field]}
            error={errors[item.field]}
            disabled={readOnly}
            onChange={onChange(item.field)}
          />
        ))}
      </CardContent>
    </Card>
  );
}

function ReadOnlyNotice({ role, twoFactorEnabled }: { role: string; twoFactorEnabled: boolean }) {
  if (role !== "ADMIN") {
    return (
      <Alert tone="info">
        <LockIcon aria-hidden />
        <AlertTitle>Read-only</AlertTitle>
        <AlertDescription>You are signed in as a viewer: you can see the settings, only an admin can change them.</AlertDescription>
      </Alert>
    );
  }
  if (!twoFactorEnabled) {
    return (
      <Alert tone="warning">
        <LockIcon aria-hidden />
        <AlertTitle>Read-only until two-factor authentication is on</AlertTitle>
        <AlertDescription>
          <p>
            Changing settings needs a two-factor code.{" "}
            <Link href="/account/two-factor" className="underline">
              Set it up
            </Link>
            .
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  return null;
}

function SettingsForm({ settings, readOnly }: { settings: ServerSettings; readOnly: boolean }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOfSettings(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const todayQuery = useTodayStatus({ paused: false });
  const today = todayQuery.data;
  const stepUp = useStepUpRequest();
  const update = useUpdateSettings();
  const pending = useMemo(() => settingsBodyOfDraft(draft, settings), [draft, settings]);
  const impacts = pending.body ? impactOnToday({ body: pending.body, settings, today, now: todayQuery.dataUpdatedAt }) : [];
  const zoneLock = timeZoneLockReason(today);
  const set = (field: NumberField) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    setErrors(pending.errors);
    const body = pending.body;
    if (!body) return;
    try {
      const result = await stepUp.run((twoFactorCode) => update.mutateAsync({ body, twoFactorCode }));
      setDraft(draftOfSettings(result.settings));
      setErrors({});
      toast.success(result.message);
    } catch (error) {
      if (error instanceof StepUpCancelled) return;
      if (error instanceof ApiError) {
        setErrors(error.issues.length > 0 ? fieldErrorsOfIssues(error.issues) : { [fieldOfRefusal(error)]: error.message });
      } else setErrors({ general: "The settings could not be saved. Try again." });
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-4" aria-label="Settings" noValidate>
      {errors.general && (
        <Alert tone="danger" role="alert">
          <TriangleAlertIcon aria-hidden />
          <AlertTitle>Not saved</AlertTitle>
          <AlertDescription>{errors.general}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Time zone</CardTitle>
            <CardDescription>&quot;Today&quot; is the calendar date in this time zone.</CardDescription>
          </CardHeader>
          <CardContent>
            <Field label="Time zone" htmlFor="setting-timeZone" error={errors.timeZone} hint={zoneLock ?? "Type to search the IANA zones"}>
              <Combobox
                id="setting-timeZone"
                options={timeZones}
                value={draft.timeZone}
                onChange={(timeZone) => setDraft((current) => ({ ...current, timeZone }))}
                disabled={readOnly || zoneLock !== null}
                aria-describedby={errors.timeZone ? "setting-timeZone-error" : "setting-timeZone-hint"}
              />
            </Field>
          </CardContent>
        </Card>
        <NumberFieldsCard title="Limits" fields={limitFields} draft={draft} errors={errors} readOnly={readOnly} onChange={set} />
        <NumberFieldsCard title="Pool rules" fields={poolFields} draft={draft} errors={errors} readOnly={readOnly} onChange={set} />
      </div>
      <Card aria-labelledby="impact-title">
        <CardHeader>
          <CardTitle id="impact-title">What this change does to today</CardTitle>
          <CardDescription>{today?.exists ? `${today.date} (${today.timeZone})` : "No day is queued today."}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2" aria-live="polite">
          {!pending.body && <p className="text-sm text-muted-foreground">Nothing is changed yet.</p>}
          {impacts.map((impact) => (
            <Alert key={impact.text} tone={impact.tone}>
              {impact.tone === "warning" ? <TriangleAlertIcon aria-hidden /> : <InfoIcon aria-hidden />}
              <AlertDescription>
                <p>
                  <span className="font-semibold">{impact.tone === "warning" ? "Warning: " : "Note: "}</span>
                  {impact.text}
                </p>
              </AlertDescription>
            </Alert>
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Slot times</CardTitle>
          <CardDescription>The local time a slot queued without its own time is scheduled for, by slot number.</CardDescription>
        </CardHeader>
        <CardContent>
          <SlotTimesFields
            rows={draft.slots}
            onChange={(slots) => setDraft((current) => ({ ...current, slots }))}
            disabled={readOnly}
            errors={errors}
            maxSlots={Number(draft.maxSlotsPerDay) || 200}
          />
        </CardContent>
      </Card>
      <div className="sticky bottom-0 z-10 -mx-3 flex flex-wrap items-center gap-3 border-t bg-background/95 px-3 py-3 backdrop-blur sm:-mx-6 sm:px-6">
        <Button type="submit" disabled={readOnly || !pending.body || update.isPending}>
          {update.isPending ? "Saving…" : "Save settings"}
        </Button>
        <Button variant="outline" disabled={readOnly || !pending.body} onClick={() => (setDraft(draftOfSettings(settings)), setErrors({}))}>
          Discard changes
        </Button>
        {!readOnly && <StepUpIndicator />}
        {readOnly && <span className="text-sm text-muted-foreground">Saving is off: this view is read-only.</span>}
      </div>
      <CodeDialog state={stepUp.dialog} onSubmit={stepUp.submitCode} onCancel={stepUp.cancel} />
    </form>
  );
}

/** The settings page's body: every setting, what a change does to today, saved with the 2FA step-up. */
export function SettingsView({ role, twoFactorEnabled }: { role: string; twoFactorEnabled: boolean }) {
  const settings = useCronSettings();
  const readOnly = role !== "ADMIN" || !twoFactorEnabled;
  return (
    <div className="grid gap-4">
      <ReadOnlyNotice role={role} twoFactorEnabled={twoFactorEnabled} />
      {settings.isError && (
        <Alert tone="danger" role="alert">
          <AlertTitle>The settings could not be loaded</AlertTitle>
          <AlertDescription>{settings.error.message}</AlertDescription>
        </Alert>
      )}
      {!settings.data && !settings.isError && <Skeleton className="h-96" />}
      {settings.data && <SettingsForm key={settings.data.updatedAt} settings={settings.data} readOnly={readOnly} />}
    </div>
  );
}
