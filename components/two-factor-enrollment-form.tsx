"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

export function TwoFactorEnrollmentForm({ enrollmentToken }: { enrollmentToken: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const response = await fetch("/api/account/two-factor", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ enrollmentToken, code }),
    });
    const result = (await response.json()) as { success: boolean; message: string };
    if (!result.success) return setError(result.message);
    router.replace("/admin");
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Authentication code
        <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit">Turn on two-factor authentication</button>
    </form>
  );
}
