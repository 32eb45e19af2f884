"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function TwoFactorEnrollmentForm({ enrollmentToken }: { enrollmentToken: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const response = await fetch("/api/account/two-factor", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ enrollmentToken, code }),
    });
    const result = (await response.json()) as { success: boolean; message: string };
    setPending(false);
    if (!result.success) return setError(result.message);
    router.replace("/admin");
    router.refresh();
  }

  return (
    <form className="grid max-w-sm gap-4" onSubmit={submit}>
      <Field label="Authentication code" htmlFor="enroll-code" hint="The 6-digit code your app shows after adding Slotpay">
        <Input
          id="enroll-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          aria-describedby="enroll-code-hint"
          aria-invalid={error ? true : undefined}
          className="font-mono tracking-widest"
        />
      </Field>
      {error && (
        <Alert tone="danger" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        Turn on two-factor authentication
      </Button>
    </form>
  );
}
