import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";

// A banner. role="alert" for what needs attention now, role="status" for what is only news.
const alertVariants = cva(
  "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm has-[>svg]:grid-cols-[1.25rem_1fr] has-[>svg]:gap-x-3 [&>svg]:size-5 [&>svg]:translate-y-0.5",
  {
    variants: {
      tone: {
        neutral: "bg-card text-card-foreground [&>svg]:text-muted-foreground",
        info: "border-info/40 bg-info/10 text-foreground [&>svg]:text-info",
        success: "border-success/40 bg-success/10 text-foreground [&>svg]:text-success",
        warning: "border-warning/50 bg-warning/10 text-foreground [&>svg]:text-warning",
        danger: "border-destructive/50 bg-destructive/10 text-foreground [&>svg]:text-destructive",
      },
    },
    defaultVariants: { tone: "neutral" },
  },
);

export function Alert({ className, tone, role = "status", ...props }: ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  return <div data-slot="alert" role={role} className={cn(alertVariants({ tone }), className)} {...props} />;
}

export function AlertTitle({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="alert-title" className={cn("col-start-2 font-semibold leading-tight", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="alert-description" className={cn("col-start-2 grid gap-1 text-sm [&_p]:leading-relaxed", className)} {...props} />;
}
