"use client";

import type { ModifyBody } from "../logic/request-bodies";
import { useDayChange } from "./mutation-result";

/** POST /modify: the PENDING part of today's day replaced ("Save changes"). */
export const useModifyDistribution = () => useDayChange<ModifyBody>("modify");
