"use client";

import { CheckIcon, ChevronsUpDownIcon } from "lucide-react";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { cn } from "./cn";
import { Popover, PopoverAnchor, PopoverContent } from "./popover";

type ComboboxProps = {
  id?: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  placeholder?: string;
  /** Options shown at once; typing narrows the list. */
  limit?: number;
  "aria-describedby"?: string;
};

/** A searchable single choice (ARIA combobox with a listbox): type to filter, arrows to move, Enter to pick. */
export function Combobox({ id, options, value, onChange, disabled, placeholder, limit = 50, ...aria }: ComboboxProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return options.filter((option) => option.toLowerCase().includes(needle)).slice(0, limit);
  }, [options, query, limit]);

  const pick = (option: string) => {
    onChange(option);
    setOpen(false);
    setQuery("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (matches.length ? (current + step + matches.length) % matches.length : 0));
    } else if (event.key === "Enter" && open && matches[active]) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
      setQuery("");
    }
  };

  return (
    <Popover open={open && !disabled} onOpenChange={setOpen}>
      <PopoverAnchor asChild>
        <div className="relative">
          <input
            id={id}
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
            disabled={disabled}
            placeholder={placeholder}
            value={open ? query : value}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onKeyDown={onKeyDown}
            className="h-9 w-full rounded-md border border-input bg-background pr-8 pl-3 text-sm outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70"
            {...aria}
          />
          <ChevronsUpDownIcon className="pointer-events-none absolute top-2.5 right-2.5 size-4 opacity-50" aria-hidden />
        </div>
      </PopoverAnchor>
      <PopoverContent className="w-(--radix-popover-trigger-width) p-1" onOpenAutoFocus={(event) => event.preventDefault()}>
        <ul id={listId} role="listbox" className="max-h-64 overflow-y-auto">
          {matches.length === 0 && <li className="px-2 py-1.5 text-sm text-muted-foreground">No match</li>}
          {matches.map((option, index) => (
            <li
              key={option}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={option === value}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
              className={cn(
                "flex cursor-default items-center justify-between rounded-sm px-2 py-1.5 text-sm",
                index === active && "bg-accent text-accent-foreground",
              )}
            >
              {option}
              {option === value && <CheckIcon className="size-4" aria-hidden />}
            </li>
          ))}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
