"use client";

import type { QueueBody } from "../logic/request-bodies";
import { useDayChange } from "./mutation-result";

/** POST /queue: queue today's day, or merge into it (seed 001 option 1). */
export const useQueueDistribution = () => useDayChange<QueueBody>("queue");
