import type { SignedInUser } from "@/lib/auth/sessions";
import { SignOutButton } from "./sign-out-button";

export function TopBar({ user }: { user: SignedInUser }) {
  return (
    <header className="topbar">
      <strong>Slotpay</strong>
      <span>
        <span className="muted">
          {user.email} · {user.role.toLowerCase()}
        </span>{" "}
        <SignOutButton />
      </span>
    </header>
  );
}
