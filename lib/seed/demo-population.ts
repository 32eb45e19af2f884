import { seededRandom } from "./seeded-random";

export type DemoMember = { email: string; name: string; performanceScore: string };
export type DemoStake = { memberEmail: string; principal: string; status: "ACTIVE" | "ENDED"; startedAt: string; endedAt: string | null };

export const demoMemberEmailPrefix = "member";
export const demoMemberEmailDomain = "@slotpay.local";

const firstNames = [
  "Ada",
  "Bola",
  "Chen",
  "Dara",
  "Emeka",
  "Farah",
  "Goran",
  "Hana",
  "Ines",
  "Jonas",
  "Kemi",
  "Liam",
  "Mina",
  "Nikos",
  "Olu",
  "Priya",
  "Quinn",
  "Rosa",
  "Sami",
  "Tariq",
  "Uma",
  "Vera",
  "Wale",
  "Yusuf",
  "Zara",
];
const lastNames = [
  "Adeyemi",
  "Brandt",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ivanova",
  "Jensen",
  "Kim",
  "Lopez",
  "Mensah",
  "Novak",
  "Okafor",
  "Patel",
  "Rossi",
  "Silva",
  "Tanaka",
  "Walsh",
];

const dayMs = 86_400_000;
const minuteMs = 60_000;

/** Log-uniform 100…50,000: many small stakes, some large, so the premium threshold splits members. */
function principal(random: () => number): string {
  const value = Math.exp(Math.log(100) + random() * (Math.log(50_000) - Math.log(100)));
  const precision = random();
  if (precision < 0.6) return Math.floor(value).toFixed(0);
  if (precision < 0.85) return (Math.floor(value * 100) / 100).toFixed(2);
  return (Math.floor(value * 1e8) / 1e8).toFixed(8); // exercises the full money scale
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/**
 * A deterministic demo population: members with varied performance scores (0–100) and stakes
 * owned by random members, so some members have no stake, some one, some several.
 */
export function buildDemoPopulation(options: { seed: number; members: number; activeStakes: number; endedStakes: number; now: Date }) {
  const random = seededRandom(options.seed);
  const width = String(options.members).length;
  const members: DemoMember[] = Array.from({ length: options.members }, (_, i) => ({
    email: `${demoMemberEmailPrefix}${String(i + 1).padStart(width, "0")}${demoMemberEmailDomain}`,
    name: `${pick(random, firstNames)} ${pick(random, lastNames)}`,
    performanceScore: (Math.floor(random() * 10_000) / 100).toFixed(2),
  }));
  const now = Math.floor(options.now.getTime() / minuteMs) * minuteMs;
  const stake = (status: DemoStake["status"]): DemoStake => {
    const started = now - Math.floor(((1 + random() * 364) * dayMs) / minuteMs) * minuteMs;
    const ended = status === "ENDED" ? started + Math.floor(random() * (now - started)) : null;
    return {
      memberEmail: pick(random, members).email,
      principal: principal(random),
      status,
      startedAt: new Date(started).toISOString(),
      endedAt: ended === null ? null : new Date(ended).toISOString(),
    };
  };
  const stakes = [
    ...Array.from({ length: options.activeStakes }, () => stake("ACTIVE")),
    ...Array.from({ length: options.endedStakes }, () => stake("ENDED")),
  ];
  return { members, stakes };
}
