"use client";

import { ListPlusIcon, PlusIcon, RotateCcwIcon, SaveIcon, SendIcon, Undo2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ActionState, BoardActionName } from "../logic/board-actions";

type Handlers = Record<BoardActionName, () => void>;

const buttons: { name: BoardActionName; label: string; Icon: typeof PlusIcon; variant: "default" | "outline" | "secondary" | "ghost" }[] = [
  { name: "addRow", label: "Add slot", Icon: PlusIcon, variant: "outline" },
  { name: "queueNew", label: "Queue New Distribution", Icon: ListPlusIcon, variant: "secondary" },
  { name: "queue", label: "Queue Distribution", Icon: SendIcon, variant: "default" },
  { name: "modify", label: "Save changes", Icon: SaveIcon, variant: "default" },
  { name: "addSlots", label: "Add slots", Icon: ListPlusIcon, variant: "outline" },
  { name: "retryAllFailed", label: "Retry all failed", Icon: RotateCcwIcon, variant: "outline" },
  { name: "discard", label: "Discard changes", Icon: Undo2Icon, variant: "ghost" },
];

/** The seeds' actions; one that cannot work now is disabled and says why (as its description). */
export function BoardActionsBar({
  actions,
  busy,
  handlers,
}: {
  actions: Record<BoardActionName, ActionState>;
  busy: boolean;
  handlers: Handlers;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Day actions">
      {buttons
        .filter(({ name }) => actions[name].visible)
        .map(({ name, label, Icon, variant }) => {
          const state = actions[name];
          const reasonId = state.reason ? `action-${name}-reason` : undefined;
          return (
            <span key={name} className="contents">
              <Button
                variant={variant}
                disabled={!state.enabled || busy}
                onClick={handlers[name]}
                aria-describedby={reasonId}
                title={state.reason}
              >
                <Icon aria-hidden />
                {label}
              </Button>
              {reasonId && (
                <span id={reasonId} className="sr-only">
                  {state.reason}
                </span>
              )}
            </span>
          );
        })}
    </div>
  );
}
