// TanStack Query keys of the distribution screens.
export const distributionKeys = {
  all: ["distribution"] as const,
  todayStatus: () => [...distributionKeys.all, "today-status"] as const,
};
