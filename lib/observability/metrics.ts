// Process-local counters for GET /api/metrics (Prometheus text format). Each app instance
// reports its own executions; Prometheus sums across instances.

const durationBucketsSeconds = [0.1, 0.5, 1, 2, 5, 10, 15, 30, 60, 120];

type Metrics = {
  executions: Record<string, number>;
  durationCounts: number[];
  durationSum: number;
  durationCount: number;
  stakesPaid: number;
};

const holder = globalThis as typeof globalThis & { __slotpayMetrics?: Metrics };

function metrics(): Metrics {
  holder.__slotpayMetrics ??= {
    executions: {},
    durationCounts: durationBucketsSeconds.map(() => 0),
    durationSum: 0,
    durationCount: 0,
    stakesPaid: 0,
  };
  return holder.__slotpayMetrics;
}

export function recordSlotExecution(options: { status: string; durationMs: number; stakesPaid: number }): void {
  const m = metrics();
  m.executions[options.status] = (m.executions[options.status] ?? 0) + 1;
  const seconds = options.durationMs / 1000;
  durationBucketsSeconds.forEach((bound, i) => {
    if (seconds <= bound) m.durationCounts[i]++;
  });
  m.durationSum += seconds;
  m.durationCount++;
  m.stakesPaid += options.stakesPaid;
}

/** The counters plus the database's view of slots by status, as Prometheus exposition text. */
export function renderMetrics(slotsByStatus: Record<string, number>): string {
  const m = metrics();
  const lines = [
    "# HELP slotpay_slot_executions_total Slot executions finished by this process, by outcome.",
    "# TYPE slotpay_slot_executions_total counter",
    ...Object.entries(m.executions).map(([status, n]) => `slotpay_slot_executions_total{status="${status}"} ${n}`),
    "# HELP slotpay_slot_execution_duration_seconds Time from claim to commit of a slot's payout.",
    "# TYPE slotpay_slot_execution_duration_seconds histogram",
    ...durationBucketsSeconds.map((bound, i) => `slotpay_slot_execution_duration_seconds_bucket{le="${bound}"} ${m.durationCounts[i]}`),
    `slotpay_slot_execution_duration_seconds_bucket{le="+Inf"} ${m.durationCount}`,
    `slotpay_slot_execution_duration_seconds_sum ${m.durationSum}`,
    `slotpay_slot_execution_duration_seconds_count ${m.durationCount}`,
    "# HELP slotpay_stakes_paid_total ROS payouts written by this process.",
    "# TYPE slotpay_stakes_paid_total counter",
    `slotpay_stakes_paid_total ${m.stakesPaid}`,
    "# HELP slotpay_slots Slots in the database, by status.",
    "# TYPE slotpay_slots gauge",
    ...Object.entries(slotsByStatus).map(([status, n]) => `slotpay_slots{status="${status}"} ${n}`),
  ];
  return `${lines.join("\n")}\n`;
}
