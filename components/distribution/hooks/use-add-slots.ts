"use client";

import type { AddSlotsBody } from "../logic/request-bodies";
import { useDayChange } from "./mutation-result";

/** POST /today/add-slots: only new slots (seed 001 option 2). */
export const useAddSlots = () => useDayChange<AddSlotsBody>("today/add-slots");
