// TanStack Query keys of the distribution screens.
export const distributionKeys = {
  all: ["distribution"] as const,
  todayStatus: () => [...distributionKeys.all, "today-status"] as const,
  settings: () => [...distributionKeys.all, "settings"] as const,
  preview: (rosPercentage: number) => [...distributionKeys.all, "preview", rosPercentage] as const,
  slotAudit: (date: string, slotNumber: number) => [...distributionKeys.all, "audit", date, slotNumber] as const,
};

export const accountKeys = {
  all: ["account"] as const,
  stepUp: () => [...accountKeys.all, "step-up"] as const,
};
