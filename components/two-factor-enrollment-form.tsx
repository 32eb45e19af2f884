"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CodeInput } from "@/components/ui/code-input";

export function TwoFactorEnrollmentForm({ enrollmentToken }: { enrollmentToken: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [code, setCode] = useState("");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
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
        <CodeInput
          id="enroll-code"
          value={code}
          onChange={setCode}
          invalid={Boolean(error)}
          aria-describedby={error ? "enroll-code-error" : "enroll-code-hint"}
        />
      </Field>
      {error && (
        <Alert tone="danger" role="alert" id="enroll-code-error">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" disabled={pending || code.length !== 6}>
        Turn on two-factor authentication
      </Button>
    </form>
  );
}
