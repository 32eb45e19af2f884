"use client";

import { OTPInput, REGEXP_ONLY_DIGITS, type SlotProps } from "input-otp";
import { cn } from "./cn";

type CodeInputProps = {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  onComplete?: (value: string) => void;
  disabled?: boolean;
  invalid?: boolean;
  autoFocus?: boolean;
  "aria-describedby"?: string;
  "aria-label"?: string;
};

function CodeSlot({ char, hasFakeCaret, isActive, invalid }: SlotProps & { invalid?: boolean }) {
  return (
    <div
      className={cn(
        "relative flex h-11 w-10 items-center justify-center border-y border-r border-input bg-background font-mono text-lg first:rounded-l-md first:border-l last:rounded-r-md",
        isActive && "z-10 ring-2 ring-ring",
        invalid && "border-destructive",
      )}
    >
      {char}
      {hasFakeCaret && <span className="pointer-events-none absolute h-5 w-px animate-pulse bg-foreground" aria-hidden />}
    </div>
  );
}

/**
 * A 6-digit one-time code: digits only, pastes whole codes, numeric keyboard on phones and
 * autofill from the platform (autocomplete="one-time-code"). One real input behind the boxes.
 */
export function CodeInput({ value, onChange, onComplete, invalid, ...props }: CodeInputProps) {
  return (
    <OTPInput
      maxLength={6}
      pattern={REGEXP_ONLY_DIGITS}
      inputMode="numeric"
      autoComplete="one-time-code"
      value={value}
      onChange={onChange}
      onComplete={onComplete}
      aria-invalid={invalid || undefined}
      containerClassName="flex items-center has-[:disabled]:opacity-60"
      render={({ slots }) => (
        <div className="flex">
          {slots.map((slot, index) => (
            <CodeSlot key={index} {...slot} invalid={invalid} />
          ))}
        </div>
      )}
      {...props}
    />
  );
}
