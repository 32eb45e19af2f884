"use client";

import { useTodayStatus } from "./use-today-status";

const time = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit" });

type Details = { rosStats?: { processedStakes: number; totalDistributed: number }; error?: string } | null;

export function TodayStatus() {
  const { data, error, isPending } = useTodayStatus();
  if (isPending) return <p className="muted">Loading today&apos;s distribution…</p>;
  if (error) return <p role="alert">{error.message}</p>;
  if (!data.exists)
    return (
      <p className="card">
        Nothing is queued for {data.date} ({data.timeZone}).
      </p>
    );
  const { counts } = data;
  return (
    <section className="card" aria-label="Today's distribution">
      <p>
        <strong>{data.date}</strong> ({data.timeZone}) · day <strong>{data.status}</strong> · {counts.PENDING} pending, {counts.EXECUTING}{" "}
        executing, {counts.COMPLETED} completed, {counts.FAILED} failed
      </p>
      <p className="muted">
        Pools: premium {data.data?.premiumPoolAmount} (paid {data.poolsPaid.premium}), performance {data.data?.performancePoolAmount} (paid{" "}
        {data.poolsPaid.performance})
      </p>
      <table>
        <thead>
          <tr>
            <th>Slot</th>
            <th>Time</th>
            <th>ROS %</th>
            <th>Status</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {data.distributionSlots.map((slot) => {
            const details = slot.executionDetails as Details;
            return (
              <tr key={slot.slotNumber}>
                <td>{slot.slotNumber}</td>
                <td>{time(slot.scheduledFor, data.timeZone)}</td>
                <td>{slot.rosPercentage}</td>
                <td>{slot.status}</td>
                <td>
                  {details?.error ??
                    (details?.rosStats ? `${details.rosStats.processedStakes} stakes, ${details.rosStats.totalDistributed} paid` : "")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
