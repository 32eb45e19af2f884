import { toUnits } from "@/lib/distribution/money";

// The stakes and scores a payout reads, as plain data, and what a slot must pay from them:
// the pure reference a snapshot test compares the ledger with.

export type StakeState = {
  stakes: Map<number, { userId: number; principal: string; active: boolean; startedAt: number }>;
  scores: Map<number, string>;
};

export type ExpectedPayout = { ros: Map<number, bigint>; premiumUsers: Set<number>; performanceUsers: Set<number> };

export const cloneState = (state: StakeState): StakeState => ({
  stakes: new Map([...state.stakes].map(([id, stake]) => [id, { ...stake }])),
  scores: new Map(state.scores),
});

/** ROS per payable stake (floor at 8 places), the premium- and the performance-qualified users. */
export function expectedPayout(
  state: StakeState,
  rules: { rosPercentUnits: bigint; scheduledFor: number; premiumMinStake: string; performanceMinScore: string },
): ExpectedPayout {
  const ros = new Map<number, bigint>();
  const perUser = new Map<number, bigint>();
  for (const [id, stake] of state.stakes) {
    if (!stake.active || stake.startedAt > rules.scheduledFor) continue;
    // principal × pct / 100, both in 1e-8 units: units × pctUnits / (100 × 1e8)
    const amount = (toUnits(stake.principal) * rules.rosPercentUnits) / (100n * 100_000_000n);
    if (amount > 0n) ros.set(id, amount);
    perUser.set(stake.userId, (perUser.get(stake.userId) ?? 0n) + toUnits(stake.principal));
  }
  const premiumUsers = new Set([...perUser].filter(([, total]) => total >= toUnits(rules.premiumMinStake)).map(([user]) => user));
  const performanceUsers = new Set(
    [...state.scores]
      .filter(([, score]) => toUnits(score) >= toUnits(rules.performanceMinScore) && toUnits(score) > 0n)
      .map(([user]) => user),
  );
  return { ros, premiumUsers, performanceUsers };
}
