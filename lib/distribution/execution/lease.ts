import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/** How long a claim holds a slot before the reaper may hand it to another executor. */
export const leaseSeconds = () => Number(process.env.SLOTPAY_LEASE_SECONDS ?? 120);

/** Identifies this executor in slots.lease_owner, so only the claimant can finalise its slot. */
export const newLeaseOwner = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
