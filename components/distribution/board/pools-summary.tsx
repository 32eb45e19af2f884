import type { DistributionStatus } from "@/lib/distribution/status-view";
import { formatAmount } from "../logic/format";

/** Each day pool: its amount, what the day's slots paid of it, and what is still to pay. */
export function PoolsSummary({ status }: { status: DistributionStatus }) {
  const pools = [
    { name: "Premium pool", amount: status.data?.premiumPoolAmount ?? 0, paid: status.poolsPaid.premium },
    { name: "Performance pool", amount: status.data?.performancePoolAmount ?? 0, paid: status.poolsPaid.performance },
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      {pools.map((pool) => (
        <div key={pool.name} className="rounded-md border p-3">
          <dt className="text-sm font-medium">{pool.name}</dt>
          <dd className="mt-1 grid grid-cols-3 gap-2 text-sm">
            <span>
              <span className="block text-xs text-muted-foreground">Amount</span>
              <span className="tabular-nums">{formatAmount(pool.amount)}</span>
            </span>
            <span>
              <span className="block text-xs text-muted-foreground">Paid</span>
              <span className="tabular-nums">{formatAmount(pool.paid)}</span>
            </span>
            <span>
              <span className="block text-xs text-muted-foreground">Still to pay</span>
              <span className="tabular-nums">{formatAmount(Math.max(0, pool.amount - pool.paid))}</span>
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
