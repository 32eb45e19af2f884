import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "./button";
import { cn } from "./cn";

type PaginationProps = { page: number; pageCount: number; hrefFor: (page: number) => string; className?: string };

/** Previous / next links with "Page X of Y"; a link that leads nowhere is shown, not focusable, and says so. */
export function Pagination({ page, pageCount, hrefFor, className }: PaginationProps) {
  const step = (target: number, label: string, icon: "previous" | "next") => {
    const content = (
      <>
        {icon === "previous" && <ChevronLeftIcon aria-hidden />}
        {label}
        {icon === "next" && <ChevronRightIcon aria-hidden />}
      </>
    );
    const classes = buttonVariants({ variant: "outline", size: "sm" });
    if (target < 1 || target > pageCount) {
      return (
        <span aria-disabled="true" className={cn(classes, "pointer-events-none opacity-50")}>
          {content}
        </span>
      );
    }
    return (
      <Link href={hrefFor(target)} className={classes} rel={icon === "next" ? "next" : "prev"}>
        {content}
      </Link>
    );
  };
  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-2", className)}>
      {step(page - 1, "Previous", "previous")}
      <span className="text-sm text-muted-foreground" aria-current="page">
        Page {page} of {Math.max(pageCount, 1)}
      </span>
      {step(page + 1, "Next", "next")}
    </nav>
  );
}
