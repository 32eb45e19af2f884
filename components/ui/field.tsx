import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

/** A label, its control, and a hint or error tied to it by id (the control gets aria-describedby from the caller). */
export function Field({
  label,
  htmlFor,
  hint,
  error,
  className,
  children,
  ...props
}: ComponentProps<"div"> & { label: ReactNode; htmlFor: string; hint?: ReactNode; error?: ReactNode }) {
  return (
    <div data-slot="field" className={cn("grid gap-1.5", className)} {...props}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint && !error && (
        <p id={`${htmlFor}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${htmlFor}-error`} className="text-xs font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
