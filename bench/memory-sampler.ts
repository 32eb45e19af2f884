export type MemoryFigures = {
  samples: number;
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  heapStartMb: number;
  heapPeakMb: number;
  heapEndMb: number;
  /** Peak minus start: what the work cost this process, whatever its baseline. */
  rssGrowthMb: number;
  heapGrowthMb: number;
};

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Samples this process's RSS and heap every `intervalMs` until stopped. */
export function startMemorySampler(intervalMs = 100): { stop: () => MemoryFigures } {
  const first = process.memoryUsage();
  let samples = 1;
  let rssPeak = first.rss;
  let heapPeak = first.heapUsed;
  const timer = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    samples++;
    rssPeak = Math.max(rssPeak, rss);
    heapPeak = Math.max(heapPeak, heapUsed);
  }, intervalMs);
  let figures: MemoryFigures | undefined;
  return {
    stop() {
      if (figures) return figures; // stopping twice (a finally, then the reader) is harmless
      clearInterval(timer);
      const last = process.memoryUsage();
      rssPeak = Math.max(rssPeak, last.rss);
      heapPeak = Math.max(heapPeak, last.heapUsed);
      figures = {
        samples: samples + 1,
        rssStartMb: mb(first.rss),
        rssPeakMb: mb(rssPeak),
        rssEndMb: mb(last.rss),
        heapStartMb: mb(first.heapUsed),
        heapPeakMb: mb(heapPeak),
        heapEndMb: mb(last.heapUsed),
        rssGrowthMb: mb(rssPeak - first.rss),
        heapGrowthMb: mb(heapPeak - first.heapUsed),
      };
      return figures;
    },
  };
}
