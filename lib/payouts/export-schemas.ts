import { z } from "zod";
import { calendarDateField, slotNumberField } from "@/lib/http/query-fields";

export const payoutExportParams = z.object({ date: calendarDateField("date") });

export const payoutExportQuery = z.object({ slot: slotNumberField("slot").optional() });
